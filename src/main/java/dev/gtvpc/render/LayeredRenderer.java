package dev.gtvpc.render;

import dev.gtvpc.eval.Decision;
import dev.gtvpc.eval.Request;
import dev.gtvpc.layers.Deciding;
import dev.gtvpc.layers.Exemption;
import dev.gtvpc.layers.Layer;
import dev.gtvpc.layers.LayerResult;
import dev.gtvpc.layers.LayeredResult;
import dev.gtvpc.policy.io.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A decision of every layer with its trace, for people (text) and for programs (JSON): which layer, file and statement
 * decided, and what each layer said. The JSON keeps a single policy's shape ({@code decision}, {@code statements},
 * {@code notes}, {@code trace} of the bucket policy) and adds {@code layers} (the deciding statements, as a verify
 * counterexample names them) and {@code outcomes} (each layer's word).
 */
public final class LayeredRenderer {
    private LayeredRenderer() {
    }

    public static String text(Request request, LayeredResult result) {
        StringBuilder out = new StringBuilder();
        out.append(result.decision().map(Decision::name).orElse("NO DECISION")).append('\n');
        EvaluationRenderer.request(out, request);
        result.decision().ifPresent(d -> out.append("  meaning: ").append(meaning(d, result)).append('\n'));
        for (String label : result.labels()) {
            out.append("  decided by: ").append(label).append('\n');
        }
        for (String error : result.errors()) {
            out.append("  error: ").append(error).append('\n');
        }
        for (String note : result.notes()) {
            out.append("  note: ").append(note).append('\n');
        }
        out.append("layers:\n");
        for (LayerResult l : result.layers()) {
            out.append("  ").append(l.layer().word()).append(": ").append(l.outcome()).append(why(l).map(w -> " — " + w).orElse(""))
                    .append('\n');
            for (LayerResult.PolicyTrace t : l.traces()) {
                out.append("    ").append(t.policy().source()).append(t.target().map(x -> " (at " + x + ")").orElse("")).append(": ")
                        .append(t.result().decision().map(Decision::name).orElse("NO DECISION")).append('\n');
                EvaluationRenderer.statements(out, t.result().statements(), "      ");
            }
        }
        return out.toString();
    }

    /** What the decision means, in one sentence, naming the layers that gave it. */
    public static String meaning(Decision decision, LayeredResult result) {
        List<String> words = result.deciding().stream().map(d -> d.layer().word()).distinct().toList();
        return switch (decision) {
            case EXPLICIT_DENY -> "an explicit deny in the " + and(words) + " layer" + (words.size() == 1 ? "" : "s")
                    + ": nothing can allow this request";
            case IMPLICIT_DENY -> "no layer denies it explicitly, but it lacks an Allow it needs (" + String.join(", ", words) + "): denied";
            case ALLOW -> result.exemption().map(LayeredRenderer::exempt)
                    .orElse("no layer denies it, every guardrail lets it through, and the " + and(words)
                            + (words.size() == 1 ? " policy grants" : " policies grant") + " it: allowed");
            case NOT_DENIED -> "no layer denies it and the bucket policy does not grant it: the principal's identity policies decide"
                    + " (give them with --identity-policy)";
        };
    }

    /** "rcp", "rcp and scp", "rcp, scp and bucket". */
    private static String and(List<String> words) {
        return words.size() < 2 ? String.join("", words)
                : String.join(", ", words.subList(0, words.size() - 1)) + " and " + words.get(words.size() - 1);
    }

    /** Why the layer said what it did when no policy of it was asked: out of its scope, or none given. */
    private static Optional<String> why(LayerResult l) {
        return l.why().or(() -> l.traces().isEmpty() ? Optional.of("no policy of this layer was given") : Optional.empty());
    }

    private static String exempt(Exemption e) {
        return switch (e) {
            case ACCOUNT_ROOT_USER -> "no layer denies it, and the bucket account's root user needs no Allow: allowed";
            case BUCKET_OWNER_ROOT_POLICY_ACTIONS -> "the bucket owner's root user may manage the bucket policy whatever the bucket policy"
                    + " says, and no other layer denies it: allowed";
        };
    }

    public static Json.Obj json(Optional<String> id, LayeredResult result, boolean trace) {
        List<Json.Member> members = new ArrayList<>();
        id.ifPresent(i -> members.add(Json.member("id", Json.str(i))));
        if (result.decision().isPresent()) {
            members.add(Json.member("decision", Json.str(result.decision().get().name())));
            members.add(Json.member("statements", Json.arr(result.labels().stream().map(l -> (Json.Value) Json.str(l)).toList())));
            members.add(Json.member("layers", Json.arr(result.deciding().stream().map(VerifyRenderer::deciding).toList())));
        } else {
            members.add(Json.member("error", Json.str(String.join("; ", result.errors()))));
        }
        if (!result.notes().isEmpty()) {
            members.add(Json.member("notes", Json.arr(result.notes().stream().map(n -> (Json.Value) Json.str(n)).toList())));
        }
        members.add(Json.member("outcomes", Json.arr(result.layers().stream().map(l -> (Json.Value) outcome(l, trace)).toList())));
        if (trace) {
            LayerResult bucket = result.layer(Layer.BUCKET);
            members.add(Json.member("trace", Json.arr(bucket.traces().stream().flatMap(t -> t.result().statements().stream())
                    .map(EvaluationRenderer::statement).map(Json.Value.class::cast).toList())));
        }
        return Json.obj(members);
    }

    /** The deciding statements of a layered decision as a JSON array, for a caller that names its own member. */
    public static Json.Arr deciding(List<Deciding> deciding) {
        return Json.arr(deciding.stream().map(VerifyRenderer::deciding).toList());
    }

    private static Json.Obj outcome(LayerResult l, boolean trace) {
        List<Json.Member> m = new ArrayList<>();
        m.add(Json.member("layer", Json.str(l.layer().word())));
        m.add(Json.member("outcome", Json.str(l.outcome().name())));
        why(l).ifPresent(w -> m.add(Json.member("why", Json.str(w))));
        if (trace) {
            m.add(Json.member("policies", Json.arr(l.traces().stream().map(t -> {
                List<Json.Member> p = new ArrayList<>();
                p.add(Json.member("file", Json.str(t.policy().source())));
                t.target().ifPresent(x -> p.add(Json.member("level", Json.str(x))));
                p.add(Json.member("decision", Json.str(t.result().decision().map(Decision::name).orElse("NO DECISION"))));
                p.add(Json.member("trace", Json.arr(t.result().statements().stream().map(EvaluationRenderer::statement)
                        .map(Json.Value.class::cast).toList())));
                return (Json.Value) Json.obj(p);
            }).toList())));
        }
        return Json.obj(m);
    }
}
