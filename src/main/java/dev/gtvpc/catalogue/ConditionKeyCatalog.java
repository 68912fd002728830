package dev.gtvpc.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The condition keys gtvpc knows, and what AWS says of each: the {@code aws:*} global keys and the S3
 * keys whose facts differ from an S3 key's usual ones ({@code catalog/condition-keys.tsv}), and S3's own
 * keys (from {@code catalog/s3-actions.json}, through the compact form {@link S3ActionCatalog} reads). Every fact a command needs about a key — its spelling,
 * type, whether it holds one value or many, who sets it, when it is absent, whether wildcards mean
 * anything in it — is read here, so that lint, the evaluator and the request space agree.
 */
public final class ConditionKeyCatalog {
    public static final String FACTS_RESOURCE = "/catalog/condition-keys.tsv";

    /** Who or what puts a key into a request (IAM User Guide, global condition keys, each key's "Availability"). */
    public enum Origin {
        /** where the request comes from: the internet or a VPC endpoint */
        NETWORK,
        /** the principal who signs it, and its credentials */
        PRINCIPAL,
        /** the principal's organization */
        ORGANIZATION,
        /** an AWS service that forwards a principal's request */
        FORWARDED,
        /** the resource the request is about */
        RESOURCE,
        /** a service principal acting for a resource of a customer (aws:SourceArn …): only its own requests carry these */
        SERVICE,
        /** the request itself: transport, time, headers, tags */
        REQUEST
    }

    /** What gtvpc does with a key beyond evaluating it. */
    public enum Flag {
        /** the request space sets it from who asks, where from and which bucket; it is never tried as a free value */
        DERIVED,
        /** "the use of wildcards in these condition keys does not have any valid use cases" (global condition keys page) */
        NO_WILDCARDS,
        /** a key a data perimeter is built on (identity, resource or network perimeter) */
        PERIMETER,
        /** says which principal asks */
        NAMES_PRINCIPAL,
        /** the caller sends it as he likes (a header, a tag, the clock): a condition on it restricts nobody */
        CALLER_CONTROLLED,
        /**
         * S3's "meaning of public" (Block Public Access page) counts a grant conditioned on fixed values of
         * it as not public; an Allow to everyone restricted by no such key is public, whatever else it tests
         */
        RESTRICTS_PUBLIC,
        /** under RESTRICTS_PUBLIC, a wildcard in the name after a fixed account still counts as fixed (s3:DataAccessPointArn) */
        PUBLIC_WILDCARD_NAME,
        /** under RESTRICTS_PUBLIC, "ROLE-ID:*" (a role's sessions) still counts as fixed (aws:userid) */
        PUBLIC_WILDCARD_SESSION,
        /** its values are organization IDs: o- and 10 to 32 lowercase letters or digits */
        ORG_ID,
        /** it holds the caller's public address: a private range (RFC 1918, link-local) never matches it */
        PUBLIC_ADDRESS
    }

    /**
     * A key as the reference spells it. {@code tagged}: a prefix such as aws:PrincipalTag/ followed by a
     * tag key. {@code absentWhen}: when a request lacks the key, if ever.
     */
    public record Key(String name, String type, boolean multivalued, boolean tagged, Origin origin, Optional<String> absentWhen,
            Set<Flag> flags) {
        public Key {
            flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
        }

        public boolean has(Flag flag) {
            return flags.contains(flag);
        }

        public boolean sometimesAbsent() {
            return absentWhen.isPresent();
        }
    }

    private static volatile ConditionKeyCatalog bundled;

    private final Map<String, Key> exact;
    private final Map<String, Key> prefixes;
    private final String s3DataDate;

    private ConditionKeyCatalog(Map<String, Key> exact, Map<String, Key> prefixes, String s3DataDate) {
        this.exact = exact;
        this.prefixes = prefixes;
        this.s3DataDate = s3DataDate;
    }

    public static ConditionKeyCatalog bundled() {
        ConditionKeyCatalog c = bundled;
        if (c == null) {
            synchronized (ConditionKeyCatalog.class) {
                if (bundled == null) {
                    bundled = load();
                }
                c = bundled;
            }
        }
        return c;
    }

    private static ConditionKeyCatalog load() {
        Map<String, Key> exact = new HashMap<>();
        Map<String, Key> prefixes = new HashMap<>();
        String facts = text(FACTS_RESOURCE);
        try {
            readFacts(facts, exact, prefixes);
        } catch (RuntimeException e) {
            throw new IllegalStateException(FACTS_RESOURCE + " is damaged: " + e.getMessage(), e);
        }
        // S3's keys from the catalogue's compact form, which the jar reads anyway: not the 88 KB JSON parsed again
        S3ActionCatalog s3 = S3ActionCatalog.bundled();
        for (String k : s3.conditionKeys()) {
            add(s3Default(k), exact, prefixes);
        }
        String date = s3.dataDate();
        return new ConditionKeyCatalog(Map.copyOf(exact), Map.copyOf(prefixes), date.length() >= 10 ? date.substring(0, 10) : date);
    }

    /** The lines of {@code condition-keys.tsv}: name, type, single/multi, origin, absent-when ("-": never), flags ("-": none). */
    static void readFacts(String tsv, Map<String, Key> exact, Map<String, Key> prefixes) {
        for (String line : tsv.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != 6) {
                throw new IllegalArgumentException("not 6 tab-separated fields: " + line);
            }
            if (!f[2].equals("single") && !f[2].equals("multi")) {
                throw new IllegalArgumentException("values must be single or multi: " + line);
            }
            Set<Flag> flags = EnumSet.noneOf(Flag.class);
            if (!f[5].equals("-")) {
                for (String flag : f[5].split(",")) {
                    flags.add(Flag.valueOf(flag.trim().toUpperCase(Locale.ROOT).replace('-', '_')));
                }
            }
            add(new Key(f[0], f[1], f[2].equals("multi"), f[0].endsWith("/"), Origin.valueOf(f[3].toUpperCase(Locale.ROOT)),
                    f[4].equals("-") ? Optional.empty() : Optional.of(f[4]), flags), exact, prefixes);
        }
    }

    /**
     * An S3 key with no line of its own: String (the reference gives no types for S3's keys; its list
     * keys end in "Keys"), set by the request as the caller likes.
     */
    private static Key s3Default(String name) {
        int slash = name.indexOf('/');
        String shown = slash < 0 ? name : name.substring(0, slash + 1);
        return new Key(shown, "String", name.endsWith("Keys"), slash >= 0, Origin.REQUEST, Optional.empty(),
                Set.of(Flag.CALLER_CONTROLLED));
    }

    private static void add(Key key, Map<String, Key> exact, Map<String, Key> prefixes) {
        if (key.tagged()) {
            prefixes.putIfAbsent(lower(key.name()), key);
        } else {
            exact.putIfAbsent(lower(key.name()), key);
        }
    }

    private static String text(String path) {
        try (InputStream in = ConditionKeyCatalog.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The key the reference knows under this name, in any case; for tag keys, the prefix's entry. */
    public Optional<Key> find(String name) {
        Key k = exact.get(lower(name));
        if (k != null) {
            return Optional.of(k);
        }
        int slash = name.indexOf('/');
        return slash < 0 ? Optional.empty() : Optional.ofNullable(prefixes.get(lower(name.substring(0, slash + 1))));
    }

    /** The reference's spelling of {@code name}; a tag key keeps its own spelling after the prefix. */
    public Optional<String> canonical(String name) {
        return find(name).map(k -> k.tagged() ? k.name() + name.substring(name.indexOf('/') + 1) : k.name());
    }

    /**
     * Every key gtvpc knows, as the reference spells it; a tag key as its prefix and {@code TAG-KEY}
     * ({@code aws:PrincipalTag/TAG-KEY}). For did-you-mean.
     */
    public java.util.List<String> names() {
        java.util.List<String> names = new java.util.ArrayList<>();
        exact.values().forEach(k -> names.add(k.name()));
        prefixes.values().forEach(k -> names.add(k.name() + "TAG-KEY"));
        names.sort(String.CASE_INSENSITIVE_ORDER);
        return names;
    }

    /** True when gtvpc carries the keys of this service prefix ({@code aws}, {@code s3}), so a key it does not know is unknown. */
    public boolean covers(String servicePrefix) {
        return servicePrefix.equalsIgnoreCase("aws") || servicePrefix.equalsIgnoreCase("s3");
    }

    /** The date of the Service Authorization Reference data the S3 keys come from (YYYY-MM-DD). */
    public String s3DataDate() {
        return s3DataDate;
    }

    /** True only for keys the reference says hold one value (so unknown keys are never "single-valued"). */
    public boolean singleValued(String name) {
        return find(name).map(k -> !k.multivalued()).orElse(false);
    }

    /**
     * Whether the key {@code name} has {@code flag}. A key gtvpc does not know has none, except an
     * {@code s3:} key, which is taken as S3's keys usually are (sent by the caller as he likes).
     */
    public boolean is(String name, Flag flag) {
        Optional<Key> k = find(name);
        if (k.isPresent()) {
            return k.get().has(flag);
        }
        return name.regionMatches(true, 0, "s3:", 0, 3) && s3Default(name).has(flag);
    }

    /** Whether the key {@code name} is put into a request by {@code origin}. */
    public boolean from(String name, Origin origin) {
        return find(name).map(k -> k.origin() == origin).orElse(false);
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
