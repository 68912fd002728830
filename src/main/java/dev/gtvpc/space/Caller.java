package dev.gtvpc.space;

import dev.gtvpc.eval.DerivedKeys;
import dev.gtvpc.eval.RequestPrincipal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who makes a request, with the keys AWS derives for it ({@link DerivedKeys}), and how it reaches S3:
 * <ul>
 * <li>{@link Kind#PRINCIPAL}: an IAM principal (or anonymous) calling S3 itself, from the internet or an endpoint;</li>
 * <li>{@link Kind#SERVICE}: an AWS service principal acting on its own ({@code aws:PrincipalIsAWSService} true),
 *     from the service's network;</li>
 * <li>{@link Kind#FORWARDED}: an AWS service calling S3 with the principal's credentials (a forward access
 *     session: {@code aws:ViaAWSService} true, {@code aws:CalledVia} the service), from the service's network,
 *     or with the principal's own {@code aws:SourceIp} when its first call came over the internet
 *     (access_forward_access_sessions.html).</li>
 * </ul>
 * A session carries its role's full ARN (path included) in aws:PrincipalArn, which its own ARN does not show.
 * {@code member}: whether the caller's account is in the bucket account's organization.
 */
public record Caller(String label, RequestPrincipal principal, Optional<String> principalArn, Kind kind, boolean member,
        Map<String, List<String>> context) {

    public enum Kind { PRINCIPAL, SERVICE, FORWARDED }

    public Caller {
        context = Collections.unmodifiableMap(new LinkedHashMap<>(context));
    }

    /** A caller known by its own ARN, outside any organization, with the keys AWS derives from the principal alone. */
    public static Caller of(String label, String arn) {
        RequestPrincipal p = RequestPrincipal.parse(arn);
        return new Caller(label, p, p.principalArn(), kindOf(p), false, principalKeys(p, Optional.empty()));
    }

    /**
     * What aws:PrincipalArn holds for a caller known by its own ARN: for an assumed-role session the
     * role's ARN (path-less: a session's ARN does not show the path), else the ARN itself.
     */
    public static String principalArnOf(String arn) {
        return RequestPrincipal.parse(arn).principalArn().orElse(arn);
    }

    /** A session of {@code roleArn}, whose aws:PrincipalArn is the role's ARN as written. */
    static Caller sessionOf(String roleArn) {
        return session(roleArn).orElseThrow(() -> new IllegalArgumentException("not a role ARN: " + roleArn));
    }

    /** Who works as {@code arn}: a session of it when it is a role (no one calls S3 as the role itself), else itself. */
    static Caller sessionOrSelf(String arn) {
        return session(arn).orElseGet(() -> of(arn, arn));
    }

    private static Optional<Caller> session(String roleArn) {
        return RequestPrincipal.sessionOf(roleArn, Witnesses.SESSION_NAME).map(session -> new Caller("a session of " + roleArn, session,
                Optional.of(roleArn), Kind.PRINCIPAL, false, principalKeys(session, Optional.of(roleArn))));
    }

    public static final Caller ANONYMOUS = of("anonymous", "anonymous");

    private static Kind kindOf(RequestPrincipal p) {
        return p.kind() == RequestPrincipal.Kind.SERVICE ? Kind.SERVICE : Kind.PRINCIPAL;
    }

    private static Map<String, List<String>> principalKeys(RequestPrincipal p, Optional<String> roleArn) {
        Map<String, List<String>> keys = DerivedKeys.of(p, Optional.empty(), new DerivedKeys.Facts(roleArn, Optional.empty(), List.of()));
        return keys;
    }

    /**
     * The same caller in organization {@code orgId} (paths {@code orgPaths}), or in none when {@code orgId} is
     * empty; {@code isMember}: that organization is the bucket account's.
     */
    Caller inOrganization(Optional<String> orgId, List<String> orgPaths, boolean isMember, String labelSuffix) {
        Map<String, List<String>> c = new LinkedHashMap<>(context);
        c.remove("aws:PrincipalOrgID");
        c.remove("aws:PrincipalOrgPaths");
        orgId.ifPresent(o -> c.put("aws:PrincipalOrgID", List.of(o)));
        if (orgId.isPresent() && !orgPaths.isEmpty()) {
            c.put("aws:PrincipalOrgPaths", orgPaths);
        }
        return new Caller(label + labelSuffix, principal, principalArn, kind, isMember, c);
    }

    /** The same principal's request forwarded by an AWS service ({@code service}) on its behalf. */
    Caller forwardedBy(String service) {
        Map<String, List<String>> c = new LinkedHashMap<>(context);
        c.put("aws:ViaAWSService", List.of("true"));
        c.put("aws:CalledVia", List.of(service));
        c.put("aws:CalledViaFirst", List.of(service));
        c.put("aws:CalledViaLast", List.of(service));
        return new Caller(label + " through " + service, principal, principalArn, Kind.FORWARDED, member, c);
    }

    /** Whether S3 can see this caller's request coming from {@code origin}. */
    boolean canComeFrom(Origin origin) {
        return switch (kind) {
            case PRINCIPAL -> origin.kind() != Origin.Kind.AWS_NETWORK;
            case SERVICE -> origin.kind() == Origin.Kind.AWS_NETWORK;
            case FORWARDED -> origin.kind() != Origin.Kind.ENDPOINT;
        };
    }

    /** A session of a service-linked role (role path aws-service-role/): how AWS services act in an account for it. */
    public boolean serviceLinked() {
        return principalArn.filter(a -> a.contains(":role/aws-service-role/")).isPresent();
    }

    public boolean anonymous() {
        return principal.kind() == RequestPrincipal.Kind.ANONYMOUS;
    }
}
