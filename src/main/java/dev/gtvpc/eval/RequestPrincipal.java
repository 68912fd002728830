package dev.gtvpc.eval;

import dev.gtvpc.policy.Arn;
import dev.gtvpc.policy.AwsIds;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Who makes a request, understood well enough to match Principal elements: its kind, account and,
 * for an assumed-role session, the role it is a session of.
 */
public record RequestPrincipal(Kind kind, String id, Optional<String> partition, Optional<String> account,
        Optional<String> name) {

    public enum Kind { ANONYMOUS, ROOT, USER, ROLE, ASSUMED_ROLE, FEDERATED_USER, SERVICE, OTHER }

    /** One identity a principal has; a session is also its role and its account. */
    public record Identity(Kind kind, String id, Optional<String> partition, Optional<String> account,
            Optional<String> name) {
    }

    public static final RequestPrincipal ANONYMOUS =
            new RequestPrincipal(Kind.ANONYMOUS, "anonymous", Optional.empty(), Optional.empty(), Optional.empty());

    public RequestPrincipal {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }

    /**
     * Reads a principal: {@code anonymous} (or {@code *}), an IAM ARN (root, user, role), an STS
     * assumed-role or federated-user ARN, a service principal ({@code sagemaker.amazonaws.com}), or a
     * 12-digit account ID (its root).
     */
    public static RequestPrincipal parse(String text) {
        if (text.equals("anonymous") || text.equals("*")) {
            return ANONYMOUS;
        }
        if (AwsIds.isAccountId(text)) {
            return new RequestPrincipal(Kind.ROOT, "arn:aws:iam::" + text + ":root", Optional.of("aws"),
                    Optional.of(text), Optional.empty());
        }
        Optional<Arn> parsed = Arn.parse(text);
        if (parsed.isEmpty()) {
            Kind kind = text.endsWith(".amazonaws.com") || text.endsWith(".amazonaws.com.cn") ? Kind.SERVICE : Kind.OTHER;
            return new RequestPrincipal(kind, text, Optional.empty(), Optional.empty(), Optional.empty());
        }
        Arn a = parsed.get();
        Optional<String> partition = Optional.of(a.partition());
        Optional<String> account = Optional.of(a.account());
        String resource = a.resource();
        if (a.service().equals("iam")) {
            if (resource.equals("root")) {
                return new RequestPrincipal(Kind.ROOT, text, partition, account, Optional.empty());
            }
            if (resource.startsWith("user/")) {
                return new RequestPrincipal(Kind.USER, text, partition, account, Optional.of(lastSegment(resource)));
            }
            if (resource.startsWith("role/")) {
                return new RequestPrincipal(Kind.ROLE, text, partition, account, Optional.of(lastSegment(resource)));
            }
        } else if (a.service().equals("sts")) {
            String[] parts = resource.split("/");
            if (parts[0].equals("assumed-role") && parts.length >= 3) {
                return new RequestPrincipal(Kind.ASSUMED_ROLE, text, partition, account, Optional.of(parts[1]));
            }
            if (parts[0].equals("federated-user") && parts.length >= 2) {
                return new RequestPrincipal(Kind.FEDERATED_USER, text, partition, account, Optional.empty());
            }
        }
        return new RequestPrincipal(Kind.OTHER, text, partition, account, Optional.empty());
    }

    /**
     * A session {@code sessionName} of the role {@code roleArn} (whose path, if any, the session ARN
     * does not show: keep the role ARN for aws:PrincipalArn). Empty when {@code roleArn} is not an IAM
     * role ARN.
     */
    public static Optional<RequestPrincipal> sessionOf(String roleArn, String sessionName) {
        Optional<Arn> a = Arn.parse(roleArn);
        if (a.isEmpty() || !a.get().service().equals("iam") || !a.get().resource().startsWith("role/")
                || !AwsIds.isAccountId(a.get().account())) {
            return Optional.empty();
        }
        String name = lastSegment(a.get().resource());
        return Optional.of(parse("arn:" + a.get().partition() + ":sts::" + a.get().account() + ":assumed-role/" + name + "/"
                + sessionName));
    }

    private static String lastSegment(String resource) {
        return resource.substring(resource.lastIndexOf('/') + 1);
    }

    /** What {@code aws:PrincipalArn} holds for this principal: a session's role ARN, else its own ARN. */
    public Optional<String> principalArn() {
        return switch (kind) {
            case ANONYMOUS, SERVICE, OTHER -> Optional.empty();
            case ASSUMED_ROLE -> Optional.of("arn:" + partition.orElseThrow() + ":iam::" + account.orElseThrow()
                    + ":role/" + name.orElseThrow());
            default -> Optional.of(id);
        };
    }

    /** The identities AWS may check this principal as: itself, then its role, then its account. */
    public List<Identity> identities() {
        List<Identity> chain = new ArrayList<>(3);
        chain.add(new Identity(kind, id, partition, account, name));
        if (kind == Kind.ASSUMED_ROLE) {
            chain.add(new Identity(Kind.ROLE, principalArn().orElseThrow(), partition, account, name));
        }
        if (kind == Kind.ASSUMED_ROLE || kind == Kind.USER || kind == Kind.ROLE || kind == Kind.FEDERATED_USER) {
            chain.add(new Identity(Kind.ROOT, "arn:" + partition.orElseThrow() + ":iam::" + account.orElseThrow() + ":root",
                    partition, account, Optional.empty()));
        }
        return chain;
    }
}
