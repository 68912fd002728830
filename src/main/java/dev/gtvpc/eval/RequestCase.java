package dev.gtvpc.eval;

import dev.gtvpc.policy.io.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One line of a cases file (JSON Lines), as {@code policy simulate --cases} and {@code policy test}
 * read it:
 * <pre>{"id": "…", "policy": {…} | "policyFile": "path", "action": "s3:GetObject",
 *  "resource": "arn:aws:s3:::b/k", "principal": "ARN" | "anonymous", "bucketAccount": "123456789012",
 *  "session": "name", "orgId": "o-…", "orgPaths": ["o-…/r-…/ou-…/"],
 *  "context": {"aws:SourceVpce": "vpce-…", "aws:TagKeys": ["a", "b"]}, "expect": "deny", "expectLayer": "rcp",
 *  "allowUnknownAction": true}</pre>
 * Keys AWS derives from the principal and the bucket ({@link DerivedKeys}) are added unless the
 * context sets them. With {@code session}, {@code principal} is a role ARN and the request comes from a
 * session of it, whose aws:PrincipalArn is that ARN, path included. {@code orgId}/{@code orgPaths}: the
 * bucket account's organization. {@code allowUnknownAction}: an S3 action gtvpc's catalogue does not hold is
 * decided by its name instead of refused (S3 adds actions faster than any catalogue). {@code expectLayer}: the layer
 * whose statement (or want of an Allow) must decide the request ({@code policy test} checks it).
 */
public record RequestCase(Optional<String> id, Optional<Json.Value> policy, Optional<String> policyFile, Request request,
        Optional<Expectation> expect, Optional<String> expectLayer, boolean derivedPrincipalArn, boolean allowUnknownAction) {

    /**
     * What a case expects; {@code deny} is an explicit deny, {@code implicit-deny} a layered decision's want of an Allow
     * (only {@code policy test} with layer options decides that).
     */
    public enum Expectation {
        ALLOW("allow", Decision.ALLOW),
        DENY("deny", Decision.EXPLICIT_DENY),
        NOT_DENIED("not-denied", Decision.NOT_DENIED),
        IMPLICIT_DENY("implicit-deny", Decision.IMPLICIT_DENY);

        private final String word;
        private final Decision decision;

        Expectation(String word, Decision decision) {
            this.word = word;
            this.decision = decision;
        }

        public String word() {
            return word;
        }

        public Decision decision() {
            return decision;
        }

        /** {@code allow}, {@code deny}, {@code not-denied}, or a decision's name such as {@code EXPLICIT_DENY}. */
        public static Optional<Expectation> parse(String text) {
            for (Expectation e : values()) {
                if (e.word.equals(text) || e.decision.name().equals(text)) {
                    return Optional.of(e);
                }
            }
            return Optional.empty();
        }
    }

    /** A line that is not a case: the message says which field is wrong. */
    public static final class BadCase extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient Optional<String> id;

        BadCase(Optional<String> id, String message) {
            super(message);
            this.id = id;
        }

        public Optional<String> id() {
            return id;
        }
    }

    /**
     * Every field a case line may have. Any other is an error for its line: a misspelt field
     * ({@code "principle"}) would otherwise be dropped and the case decided for the default principal.
     * {@code comment} holds the author's note.
     */
    public static final java.util.List<String> FIELDS = java.util.List.of("id", "policy", "policyFile", "action", "resource",
            "principal", "bucketAccount", "session", "orgId", "orgPaths", "context", "expect", "expectLayer", "allowUnknownAction", "comment");

    public static RequestCase parse(String line) throws BadCase {
        if (line.startsWith("\uFEFF")) {
            throw new BadCase(Optional.empty(), "the line starts with a UTF-8 byte-order mark (BOM); remove the BOM (save as UTF-8 without BOM)");
        }
        Json.Value root;
        try {
            root = Json.parse(line);
        } catch (Json.SyntaxException e) {
            throw new BadCase(Optional.empty(), "invalid JSON at column " + e.location().column() + ": " + e.getMessage());
        }
        if (!(root instanceof Json.Obj obj)) {
            throw new BadCase(Optional.empty(), "a case is a JSON object");
        }
        Optional<String> id = Optional.empty();
        Optional<Json.Value> policy = Optional.empty();
        Optional<String> policyFile = Optional.empty();
        String action = null;
        String resource = null;
        String principal = "anonymous";
        Optional<String> bucketAccount = Optional.empty();
        Map<String, List<String>> context = new LinkedHashMap<>();
        Optional<Expectation> expect = Optional.empty();
        Optional<String> expectLayer = Optional.empty();
        Optional<String> session = Optional.empty();
        Optional<String> orgId = Optional.empty();
        List<String> orgPaths = List.of();
        boolean allowUnknownAction = false;
        for (Json.Member m : obj.members()) {
            Json.Value v = m.value();
            switch (m.name()) {
                case "id" -> id = Optional.of(scalar(v, "id", id));
                case "policy" -> {
                    if (!(v instanceof Json.Obj)) {
                        throw new BadCase(id, "\"policy\" must be a policy object (or use \"policyFile\")");
                    }
                    policy = Optional.of(v);
                }
                case "policyFile" -> policyFile = Optional.of(string(v, "policyFile", id));
                case "action" -> action = string(v, "action", id);
                case "resource" -> resource = string(v, "resource", id);
                case "principal" -> principal = string(v, "principal", id);
                case "bucketAccount" -> bucketAccount = Optional.of(string(v, "bucketAccount", id));
                case "context" -> context = context(v, id);
                case "session" -> session = Optional.of(string(v, "session", id));
                case "orgId" -> orgId = Optional.of(string(v, "orgId", id));
                case "orgPaths" -> orgPaths = strings(v, "orgPaths", id);
                case "expect" -> {
                    String word = string(v, "expect", id);
                    Optional<Expectation> parsed = Expectation.parse(word);
                    if (parsed.isEmpty()) {
                        throw new BadCase(id, "\"expect\" must be allow, deny, not-denied or implicit-deny, not \"" + word + "\"");
                    }
                    expect = parsed;
                }
                case "expectLayer" -> expectLayer = Optional.of(string(v, "expectLayer", id));
                case "allowUnknownAction" -> {
                    if (!(v instanceof Json.Bool b)) {
                        throw new BadCase(id, "\"allowUnknownAction\" must be true or false, not " + v.typeName());
                    }
                    allowUnknownAction = b.value();
                }
                case "comment" -> {
                    // the author's note; any JSON value
                }
                default -> throw new BadCase(id, "unknown field \"" + m.name() + "\""
                        + dev.gtvpc.util.Suggestions.closest(m.name(), FIELDS).map(f -> " (did you mean \"" + f + "\"?)").orElse("")
                        + "; a case has " + String.join(", ", FIELDS));
            }
        }
        if (action == null) {
            throw new BadCase(id, "the case has no \"action\"");
        }
        if (resource == null) {
            throw new BadCase(id, "the case has no \"resource\"");
        }
        if (policy.isPresent() && policyFile.isPresent()) {
            throw new BadCase(id, "give \"policy\" or \"policyFile\", not both");
        }
        RequestPrincipal who = RequestPrincipal.parse(principal);
        Optional<String> roleArn = Optional.empty();
        if (session.isPresent()) {
            String named = principal;
            Optional<String> caseId = id;
            who = RequestPrincipal.sessionOf(principal, session.get()).orElseThrow(() ->
                    new BadCase(caseId, "\"session\" needs \"principal\" to be a role ARN (arn:aws:iam::ACCOUNT:role/NAME), not \""
                            + named + "\""));
            roleArn = Optional.of(principal);
        }
        ContextKeys given = ContextKeys.of(context);
        boolean derived = who.kind() == RequestPrincipal.Kind.ASSUMED_ROLE && roleArn.isEmpty() && !given.contains("aws:PrincipalArn");
        Request request = new Request(action, resource, who, bucketAccount, given)
                .withDerivedKeys(new DerivedKeys.Facts(roleArn, orgId, orgPaths));
        return new RequestCase(id, policy, policyFile, request, expect, expectLayer, derived, allowUnknownAction);
    }

    private static String string(Json.Value v, String field, Optional<String> id) throws BadCase {
        if (v instanceof Json.Str s) {
            return s.value();
        }
        throw new BadCase(id, "\"" + field + "\" must be a string, not " + v.typeName());
    }

    private static List<String> strings(Json.Value v, String field, Optional<String> id) throws BadCase {
        if (v instanceof Json.Arr arr) {
            List<String> out = new ArrayList<>();
            for (Json.Value item : arr.items()) {
                out.add(string(item, field, id));
            }
            return out;
        }
        return List.of(string(v, field, id));
    }

    /** An id may be a string or a number. */
    private static String scalar(Json.Value v, String field, Optional<String> id) throws BadCase {
        if (v instanceof Json.Num n) {
            return n.text();
        }
        return string(v, field, id);
    }

    private static Map<String, List<String>> context(Json.Value v, Optional<String> id) throws BadCase {
        if (!(v instanceof Json.Obj obj)) {
            throw new BadCase(id, "\"context\" must be an object of key → value or [values]");
        }
        Map<String, List<String>> context = new LinkedHashMap<>();
        for (Json.Member m : obj.members()) {
            List<String> values = new ArrayList<>();
            if (m.value() instanceof Json.Arr arr) {
                for (Json.Value item : arr.items()) {
                    values.add(contextValue(item, m.name(), id));
                }
            } else {
                values.add(contextValue(m.value(), m.name(), id));
            }
            context.put(m.name(), values);
        }
        return context;
    }

    private static String contextValue(Json.Value v, String key, Optional<String> id) throws BadCase {
        if (v instanceof Json.Str s) {
            return s.value();
        }
        if (v instanceof Json.Bool b) {
            return Boolean.toString(b.value());
        }
        if (v instanceof Json.Num n) {
            return n.text();
        }
        throw new BadCase(id, "context key " + key + " must hold a string, boolean, number or an array of them");
    }
}
