package dev.gtvpc.audit;

import dev.gtvpc.verify.TrustedService;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What every bucket is proved against: the trusted service (Ground Truth) and whether its endpoint
 * must get in ({@code checkService}), and the networks, roles,
 * administrator and organization that are the perimeter's inside — given once for all buckets, or
 * per account ({@code accounts}, which replaces the shared ones for the accounts it names). Where
 * neither names a network or role for a bucket's account, the prover takes the ones the bucket's own
 * policy names as its inside and says so.
 */
public record AuditSettings(boolean checkService, Inside shared, Map<String, Inside> accounts, TrustedService service) {

    /** The inside of the perimeter for one account. */
    public record Inside(List<String> vpcs, List<String> vpces, List<String> roles, Optional<String> admin, Optional<String> orgId) {
        public Inside {
            vpcs = List.copyOf(vpcs);
            vpces = List.copyOf(vpces);
            roles = List.copyOf(roles);
            Objects.requireNonNull(admin, "admin");
            Objects.requireNonNull(orgId, "orgId");
        }

        public static Inside none() {
            return new Inside(List.of(), List.of(), List.of(), Optional.empty(), Optional.empty());
        }

        /** Whether it names a network (a VPC or an endpoint). */
        public boolean namesNetwork() {
            return !vpcs.isEmpty() || !vpces.isEmpty();
        }
    }

    public AuditSettings {
        Objects.requireNonNull(shared, "shared");
        accounts = Map.copyOf(accounts);
        Objects.requireNonNull(service, "service");
    }

    public Inside insideOf(String account) {
        return accounts.getOrDefault(account, shared);
    }
}
