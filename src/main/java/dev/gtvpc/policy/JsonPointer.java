package dev.gtvpc.policy;

/** RFC 6901 JSON pointers, built one token at a time. */
public final class JsonPointer {
    public static final String ROOT = "";

    private JsonPointer() {
    }

    public static String child(String parent, String name) {
        return parent + "/" + name.replace("~", "~0").replace("/", "~1");
    }

    public static String child(String parent, int index) {
        return parent + "/" + index;
    }

    /** The pointer as shown to a user: the root is "/" rather than an empty string. */
    public static String display(String pointer) {
        return pointer.isEmpty() ? "/" : pointer;
    }
}
