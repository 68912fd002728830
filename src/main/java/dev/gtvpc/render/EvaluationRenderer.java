package dev.gtvpc.render;

import dev.gtvpc.eval.ConditionTrace;
import dev.gtvpc.eval.Decision;
import dev.gtvpc.eval.EvaluationResult;
import dev.gtvpc.eval.Request;
import dev.gtvpc.eval.RequestPrincipal;
import dev.gtvpc.eval.StatementTrace;
import dev.gtvpc.policy.io.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A decision with its trace, for people (text) and for programs (JSON). */
public final class EvaluationRenderer {
    private EvaluationRenderer() {
    }

    public static String text(Request request, EvaluationResult result) {
        StringBuilder out = new StringBuilder();
        out.append(result.decision().map(Decision::name).orElse("NO DECISION")).append('\n');
        request(out, request);
        result.decision().ifPresent(d -> out.append("  meaning: ").append(meaning(d, request, result)).append('\n'));
        for (String error : result.errors()) {
            out.append("  error: ").append(error).append('\n');
        }
        for (String note : result.notes()) {
            out.append("  note: ").append(note).append('\n');
        }
        out.append("statements:\n");
        statements(out, result.statements(), "  ");
        return out.toString();
    }

    /** The request's action, resource, principal and context, a line each. */
    static void request(StringBuilder out, Request request) {
        out.append("  request: ").append(request.action()).append(" on ").append(request.resource()).append(" by ")
                .append(request.principal().id()).append('\n');
        List<String> context = new ArrayList<>();
        request.context().entries().forEach(e -> context.add(e.key() + "=" + String.join(",", e.values())));
        out.append("  context: ").append(context.isEmpty() ? "(none)" : String.join(" ", context)).append('\n');
    }

    /** Each statement's outcome and its conditions, a line each, indented by {@code indent}. */
    static void statements(StringBuilder out, List<StatementTrace> statements, String indent) {
        for (StatementTrace s : statements) {
            out.append(indent).append(s.label()).append(" (").append(s.effect().json()).append("): ")
                    .append(switch (s.outcome()) {
                        case APPLIES -> "applies";
                        case DOES_NOT_APPLY -> "does not apply";
                        case DELEGATES -> "delegates to the account";
                        case ERROR -> "cannot be evaluated";
                    })
                    .append(" — ").append(s.reason()).append('\n');
            for (ConditionTrace c : s.conditions()) {
                out.append(indent).append("    ").append(c.operator()).append(' ').append(c.key()).append(": ").append(c.explanation())
                        .append(" → ").append(c.result()).append('\n');
            }
        }
    }

    /** What the decision means for this request, in one sentence. */
    public static String meaning(Decision decision, Request request, EvaluationResult result) {
        boolean delegated = result.statements().stream().anyMatch(s -> s.outcome() == StatementTrace.Outcome.DELEGATES);
        boolean crossAccount = request.bucketAccount().isPresent() && request.principal().account().isPresent()
                && !request.bucketAccount().equals(request.principal().account());
        return switch (decision) {
            case EXPLICIT_DENY -> "an explicit deny: no other policy can allow this request";
            case IMPLICIT_DENY -> "no layer denies it, but one lacks an Allow or nothing grants it: denied";
            case ALLOW -> crossAccount
                    ? "the bucket policy allows it: the bucket's half of cross-account access; the principal's own account"
                            + " must also allow it in an identity policy"
                    : "the bucket policy allows it (unless another policy type denies it)";
            case NOT_DENIED -> {
                if (delegated) {
                    yield "an Allow names only the principal's account, the bucket's own: that delegates, so its identity"
                            + " policies decide";
                }
                if (request.principal().kind() == RequestPrincipal.Kind.ANONYMOUS) {
                    yield "no statement applies, and an anonymous request needs an Allow: denied";
                }
                if (request.principal().kind() == RequestPrincipal.Kind.SERVICE) {
                    yield "no statement applies, and a service principal acting on its own needs an Allow in the bucket policy: denied";
                }
                Optional<String> bucket = request.bucketAccount();
                Optional<String> caller = request.principal().account();
                if (bucket.isEmpty() || caller.isEmpty()) {
                    yield "no statement applies: a principal of the bucket's own account is decided by its identity"
                            + " policies; any other is denied (give --bucket-account to say which)";
                }
                yield bucket.equals(caller)
                        ? "no statement applies: the principal is in the bucket's account, so its identity policies decide"
                        : "no statement applies, and the principal is in another account than the bucket: denied";
            }
        };
    }

    public static Json.Obj json(Optional<String> id, EvaluationResult result, boolean trace) {
        List<Json.Member> members = new ArrayList<>();
        id.ifPresent(i -> members.add(Json.member("id", Json.str(i))));
        if (result.decision().isPresent()) {
            members.add(Json.member("decision", Json.str(result.decision().get().name())));
            members.add(Json.member("statements", Json.arr(result.deciding().stream()
                    .map(s -> (Json.Value) Json.str(s.label())).toList())));
        } else {
            members.add(Json.member("error", Json.str(String.join("; ", result.errors()))));
        }
        if (!result.notes().isEmpty()) {
            members.add(Json.member("notes", Json.arr(result.notes().stream().map(n -> (Json.Value) Json.str(n)).toList())));
        }
        if (trace) {
            members.add(Json.member("trace", Json.arr(result.statements().stream().map(EvaluationRenderer::statement)
                    .map(Json.Value.class::cast).toList())));
        }
        return Json.obj(members);
    }

    public static Json.Obj error(Optional<String> id, String message) {
        List<Json.Member> members = new ArrayList<>();
        id.ifPresent(i -> members.add(Json.member("id", Json.str(i))));
        members.add(Json.member("error", Json.str(message)));
        return Json.obj(members);
    }

    static Json.Obj statement(StatementTrace s) {
        List<Json.Member> members = new ArrayList<>();
        members.add(Json.member("index", new Json.Num(Integer.toString(s.index()), dev.gtvpc.policy.io.SourceLocation.START)));
        s.sid().ifPresent(sid -> members.add(Json.member("sid", Json.str(sid))));
        members.add(Json.member("effect", Json.str(s.effect().json())));
        members.add(Json.member("outcome", Json.str(s.outcome().name())));
        members.add(Json.member("reason", Json.str(s.reason())));
        members.add(Json.member("conditions", Json.arr(s.conditions().stream().map(c -> (Json.Value) Json.obj(List.of(
                Json.member("operator", Json.str(c.operator())),
                Json.member("key", Json.str(c.key())),
                Json.member("result", new Json.Bool(c.result(), dev.gtvpc.policy.io.SourceLocation.START)),
                Json.member("explanation", Json.str(c.explanation()))))).toList())));
        return Json.obj(members);
    }
}
