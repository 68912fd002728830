package dev.gtvpc.verify;

import dev.gtvpc.eval.RequestPrincipal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who makes a request, with the keys AWS derives for it. A session carries its role's full ARN (path
 * included) in aws:PrincipalArn, which its own ARN does not show.
 */
public record Caller(String label, RequestPrincipal principal, Optional<String> principalArn) {

    public static Caller of(String label, String arn) {
        RequestPrincipal p = RequestPrincipal.parse(arn);
        return new Caller(label, p, p.principalArn());
    }

    /**
     * What aws:PrincipalArn holds for a caller known by its own ARN: for an assumed-role session the
     * role's ARN (path-less: a session's ARN does not show the path), else the ARN itself.
     */
    public static String principalArnOf(String arn) {
        return RequestPrincipal.parse(arn).principalArn().orElse(arn);
    }

    /** A session of {@code roleArn}, whose aws:PrincipalArn is the role's ARN as written. */
    public static Caller sessionOf(String roleArn) {
        String[] parts = roleArn.split(":", 6);
        String name = parts[5].substring(parts[5].lastIndexOf('/') + 1);
        String session = "arn:" + parts[1] + ":sts::" + parts[4] + ":assumed-role/" + name + "/gtvpc-verify";
        return new Caller("a session of " + roleArn, RequestPrincipal.parse(session), Optional.of(roleArn));
    }

    public static final Caller ANONYMOUS = new Caller("anonymous", RequestPrincipal.ANONYMOUS, Optional.empty());

    public Map<String, List<String>> context() {
        Map<String, List<String>> c = new LinkedHashMap<>();
        principalArn.ifPresent(a -> c.put("aws:PrincipalArn", List.of(a)));
        principal.account().filter(a -> principal.kind() != RequestPrincipal.Kind.ANONYMOUS)
                .ifPresent(a -> c.put("aws:PrincipalAccount", List.of(a)));
        if (principal.kind() == RequestPrincipal.Kind.USER) {
            principal.name().ifPresent(n -> c.put("aws:username", List.of(n)));
        }
        return c;
    }

    public boolean anonymous() {
        return principal.kind() == RequestPrincipal.Kind.ANONYMOUS;
    }
}
