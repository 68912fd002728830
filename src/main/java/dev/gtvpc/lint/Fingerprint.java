package dev.gtvpc.lint;

import dev.gtvpc.policy.io.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The fingerprint of a finding: what a baseline entry is matched on. It must survive what does not
 * change the offending element — reformatting, reindenting, moving statements, adding or editing other
 * statements — and must change when the element does, so that a suppression accepted for one statement
 * does not silently cover what that statement has become.
 *
 * <p>The element of a place is the statement the place lies in, whole (with its Sid: a reviewer
 * accepted the statement as it was written, not one of its values in isolation). A place outside every
 * statement belongs to the top-level member it lies in ({@code Version}, the {@code Statement} list as a
 * whole); a place at the document's root (a missing Version) to the sorted names of the document's
 * members, so that editing a statement does not reopen it. Each place contributes the element in
 * canonical JSON (members sorted by name, no whitespace, numbers as written) and its pointer relative to
 * the element (which value of the statement); a defect written in several places contributes every
 * place, in sorted order, so a new place of the same defect is new. Line numbers play no part.
 *
 * <p>A document that is not JSON has no elements: its whitespace-free text stands in.
 */
public final class Fingerprint {
    /** Bumped when the recipe changes, which invalidates every baseline written before. */
    public static final int VERSION = 1;

    private Fingerprint() {
    }

    /** The fingerprint of {@code finding} in {@code document} (empty when the document is not JSON), {@code text} its source text. */
    public static String of(Finding finding, Optional<Json.Value> document, String text) {
        List<String> places = new ArrayList<>();
        for (Finding.Place p : finding.places()) {
            places.add(document.map(d -> place(d, p.pointer())).orElseGet(() -> p.pointer() + "\u0000" + text.replaceAll("\\s+", "")));
        }
        places.sort(Comparator.naturalOrder());
        StringBuilder material = new StringBuilder("gtvpc-fingerprint-v" + VERSION + "\u0000" + finding.ruleId());
        for (String p : places) {
            material.append('\u0001').append(p);
        }
        return sha256(material.toString()).substring(0, 16);
    }

    /** The canonical element of {@code pointer} and the pointer's rest below it. */
    static String place(Json.Value document, String pointer) {
        List<String> tokens = tokens(pointer);
        if (!(document instanceof Json.Obj root) || tokens.isEmpty()) {
            return "<root>\u0000" + shape(document) + "\u0000" + pointer;
        }
        Optional<Json.Value> top = root.get(tokens.get(0));
        if (top.isEmpty()) {
            return "<root>\u0000" + shape(document) + "\u0000" + pointer;
        }
        int depth = 1;
        Json.Value element = top.get();
        if (tokens.get(0).equals("Statement") && element instanceof Json.Arr list && tokens.size() > 1) {
            Optional<Json.Value> statement = index(list, tokens.get(1));
            if (statement.isPresent()) {
                element = statement.get();
                depth = 2;
            }
        }
        StringBuilder rest = new StringBuilder();
        for (String t : tokens.subList(depth, tokens.size())) {
            rest.append('/').append(t.replace("~", "~0").replace("/", "~1"));
        }
        return canonical(element) + "\u0000" + tokens.get(0) + "\u0000" + rest;
    }

    private static Optional<Json.Value> index(Json.Arr list, String token) {
        if (!token.matches("0|[1-9][0-9]{0,8}")) {
            return Optional.empty();
        }
        int i = Integer.parseInt(token);
        return i < list.items().size() ? Optional.of(list.items().get(i)) : Optional.empty();
    }

    /** The root's member names, sorted; a root that is not an object is its canonical JSON (it is small or unreadable). */
    private static String shape(Json.Value document) {
        if (document instanceof Json.Obj o) {
            return String.join(",", o.members().stream().map(Json.Member::name).sorted().toList());
        }
        return canonical(document);
    }

    /** JSON with members sorted by name (stably: a key written twice keeps both, in order) and no whitespace. */
    static String canonical(Json.Value value) {
        return Json.write(sorted(value), false);
    }

    private static Json.Value sorted(Json.Value value) {
        if (value instanceof Json.Obj o) {
            List<Json.Member> members = new ArrayList<>();
            for (Json.Member m : o.members()) {
                members.add(Json.member(m.name(), sorted(m.value())));
            }
            members.sort(Comparator.comparing(Json.Member::name));
            return Json.obj(members);
        }
        if (value instanceof Json.Arr a) {
            return Json.arr(a.items().stream().map(Fingerprint::sorted).toList());
        }
        return value;
    }

    /** RFC 6901 tokens of {@code pointer}, unescaped. */
    private static List<String> tokens(String pointer) {
        List<String> tokens = new ArrayList<>();
        if (pointer.isEmpty()) {
            return tokens;
        }
        for (String raw : pointer.substring(1).split("/", -1)) {
            tokens.add(raw.replace("~1", "/").replace("~0", "~"));
        }
        return tokens;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
