package dev.gtvpc.testing;

import dev.gtvpc.policy.io.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test case files: JSON read into plain maps, lists and strings. */
public final class JsonData {
    private JsonData() {
    }

    public static Object read(Path file) {
        return parse(Golden.read(file));
    }

    public static Object parse(String text) {
        try {
            return toJava(Json.parse(text));
        } catch (Json.SyntaxException e) {
            throw new IllegalArgumentException("invalid test data at " + e.location() + ": " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> list(Object o) {
        return (List<Map<String, Object>>) o;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    public static List<String> strings(Object o) {
        return (List<String>) o;
    }

    public static Object toJava(Json.Value v) {
        if (v instanceof Json.Obj o) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Json.Member m : o.members()) {
                map.put(m.name(), toJava(m.value()));
            }
            return map;
        }
        if (v instanceof Json.Arr a) {
            List<Object> list = new ArrayList<>();
            for (Json.Value item : a.items()) {
                list.add(toJava(item));
            }
            return list;
        }
        if (v instanceof Json.Str s) {
            return s.value();
        }
        if (v instanceof Json.Num n) {
            return n.text().contains(".") ? (Object) Double.parseDouble(n.text()) : (Object) Long.parseLong(n.text());
        }
        if (v instanceof Json.Bool b) {
            return b.value();
        }
        return null;
    }

    /** Writes plain maps, lists, strings, numbers and booleans back as a JSON tree. */
    public static Json.Value toJson(Object o) {
        if (o instanceof Map<?, ?> map) {
            List<Json.Member> members = new ArrayList<>();
            map.forEach((k, v) -> members.add(Json.member((String) k, toJson(v))));
            return Json.obj(members);
        }
        if (o instanceof List<?> list) {
            return Json.arr(list.stream().map(JsonData::toJson).toList());
        }
        if (o instanceof String s) {
            return Json.str(s);
        }
        if (o instanceof Boolean b) {
            return new Json.Bool(b, dev.gtvpc.policy.io.SourceLocation.START);
        }
        if (o instanceof Number n) {
            return new Json.Num(n.toString(), dev.gtvpc.policy.io.SourceLocation.START);
        }
        return new Json.Null(dev.gtvpc.policy.io.SourceLocation.START);
    }
}
