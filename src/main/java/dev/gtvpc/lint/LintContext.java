package dev.gtvpc.lint;

import dev.gtvpc.catalogue.ConditionKeyCatalog;
import dev.gtvpc.catalogue.S3ActionCatalog;
import dev.gtvpc.policy.AwsIds;
import dev.gtvpc.policy.Policy;
import dev.gtvpc.policy.PolicyScan.EntryAt;
import dev.gtvpc.policy.PolicyScan.StatementAt;
import dev.gtvpc.policy.PolicyScan.ValueAt;
import dev.gtvpc.policy.PolicyScan;
import dev.gtvpc.policy.io.ReadProblem;
import dev.gtvpc.policy.io.SourceMap;
import dev.gtvpc.space.RequestSpace;
import dev.gtvpc.space.ShownPerimeter;
import dev.gtvpc.verify.TrustedService;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a rule sees: the policy, where its parts were written, the user's options, gtvpc's catalogues,
 * and — for a rule that declares {@link Need#TRUSTED_SERVICE} — the service whose endpoints must get in.
 */
public final class LintContext {
    private final Policy policy;
    private final PolicyScan scan;
    private final SourceMap sourceMap;
    private final LintOptions options;
    private final TrustedService service;
    private final S3ActionCatalog actions;
    private final ConditionKeyCatalog keys;
    private final List<ReadProblem> problems;
    private final List<Finding> findings = new ArrayList<>();
    private Rule current;
    private RequestSpace space;

    LintContext(Policy policy, SourceMap sourceMap, LintOptions options, TrustedService service, List<ReadProblem> problems) {
        this.policy = policy;
        this.problems = List.copyOf(problems);
        this.scan = PolicyScan.of(policy);
        this.sourceMap = sourceMap;
        this.options = options;
        this.service = service;
        this.actions = S3ActionCatalog.bundled();
        this.keys = ConditionKeyCatalog.bundled();
    }

    void run(Rule rule) {
        current = rule;
        rule.check(this);
    }

    List<Finding> findings() {
        return findings;
    }

    public Policy policy() {
        return policy;
    }

    public LintOptions options() {
        return options;
    }

    /**
     * True when the document has something at {@code pointer} (or around or inside it) that the reader could not
     * read — an Effect that is not Allow or Deny, a Principal string other than "*", a value of the wrong
     * type — and so left out of the policy the rules see: it is there, not missing. A document over the
     * size limit, a key written twice (the first is read) and Action beside NotAction (both read) leave
     * nothing out.
     */
    public boolean unreadable(String pointer) {
        for (ReadProblem p : problems) {
            boolean leftOut = p.kind() != ReadProblem.Kind.TOO_LARGE && p.kind() != ReadProblem.Kind.DUPLICATE_KEY
                    && p.kind() != ReadProblem.Kind.CONFLICTING_ELEMENTS;
            // a problem at the element, around it (its statement), or inside it (one bad item leaves the element out)
            if (leftOut && (p.pointer().equals(pointer) || pointer.startsWith(p.pointer() + "/") || p.pointer().startsWith(pointer + "/")
                    || p.pointer().isEmpty())) {
                return true;
            }
        }
        return false;
    }

    /** The service whose endpoints must not be denied, and its endpoint per region. */
    public TrustedService trustedService() {
        if (!current.info().needs().contains(Need.TRUSTED_SERVICE)) {
            throw new IllegalStateException("rule " + current.id() + " reads the trusted service without declaring Need.TRUSTED_SERVICE");
        }
        return service;
    }

    public S3ActionCatalog actions() {
        return actions;
    }

    public ConditionKeyCatalog keys() {
        return keys;
    }

    /** The policy read once: statements, condition keys and values with their pointers. */
    public PolicyScan scan() {
        return scan;
    }

    /**
     * The requests the rules that ask the evaluator may put to the policy: the request space of the
     * policy and the perimeter it shows ({@link ShownPerimeter}), built when a rule first asks.
     */
    public RequestSpace space() {
        if (space == null) {
            space = RequestSpace.of(scan, ShownPerimeter.of(scan, options.bucket(), options.region(), options.vpcs(), options.vpces()),
                    actions);
        }
        return space;
    }

    public List<StatementAt> statements() {
        return scan.statements();
    }

    public List<EntryAt> conditionEntries() {
        return scan.conditionEntries();
    }

    public List<EntryAt> conditionEntries(StatementAt s) {
        return scan.conditionEntries(s);
    }

    /**
     * Every value of every condition key named {@code key} (compared without case, as IAM does), except
     * under Null, whose values are true or false, not values of the key.
     */
    public List<ValueAt> valuesOf(String key) {
        return scan.valuesOf(key);
    }

    /**
     * The region the trusted service's endpoints are judged in: --region when the service has an
     * endpoint there, else the region of the first of its endpoints the policy names. Empty when
     * neither: the rules about the service then stay silent.
     */
    public Optional<String> serviceRegion() {
        trustedService();
        return region();
    }

    private Optional<String> region() {
        if (options.region().isPresent()) {
            return service.in(options.region().get()).map(e -> options.region().get());
        }
        for (EntryAt e : conditionEntries()) {
            for (String v : e.entry().values().texts()) {
                Optional<String> r = service.regionOf(v);
                if (r.isPresent()) {
                    return r;
                }
            }
        }
        return Optional.empty();
    }

    /** The severity of the running rule's findings in this policy's type. */
    public Severity severity() {
        return current.info().severityFor(options.kind());
    }

    /** Reports a finding of the running rule at {@code pointer}. */
    public void report(String pointer, String message, String fix) {
        report(severity(), pointer, message, fix);
    }

    /** Reports a finding of the running rule at {@code pointer}, at a severity of its own (a milder case of the rule's defect). */
    public void report(Severity severity, String pointer, String message, String fix) {
        findings.add(new Finding(current.id(), severity, message, fix, pointer, sourceMap.locate(pointer)));
    }

    /** Reports at a member's name (an operator or condition key), where an editor should put the cursor. */
    public void reportAtName(String pointer, String message, String fix) {
        reportAtName(severity(), pointer, message, fix);
    }

    /** Reports at a member's name, at a severity of its own. */
    public void reportAtName(Severity severity, String pointer, String message, String fix) {
        findings.add(new Finding(current.id(), severity, message, fix, pointer,
                sourceMap.nameAt(pointer).orElseGet(() -> sourceMap.locate(pointer))));
    }
}
