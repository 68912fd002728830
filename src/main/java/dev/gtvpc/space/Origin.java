package dev.gtvpc.space;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a request comes from, with the network keys S3 sets for it (reference_policies_condition-keys.html,
 * each key's Availability):
 * <ul>
 * <li>{@link Kind#INTERNET}: a public S3 endpoint; {@code aws:SourceIp} is set, no VPC key is;</li>
 * <li>{@link Kind#ENDPOINT}: through VPC endpoint {@code vpce} in {@code vpc}; {@code aws:SourceVpce},
 *     {@code aws:SourceVpc}, {@code aws:SourceVpcArn}, {@code aws:VpceAccount} (and the endpoint owner's
 *     {@code aws:VpceOrgID}/{@code aws:VpceOrgPaths} when it is in an organization) are set, with
 *     {@code aws:VpcSourceIp}; {@code aws:SourceIp} is not;</li>
 * <li>{@link Kind#AWS_NETWORK}: an AWS service's own request (a service principal) or one it forwards after a
 *     call that came through a VPC endpoint: "the source VPC … of the initial request is not preserved", so
 *     no network key is set.</li>
 * </ul>
 */
public record Origin(Kind kind, Optional<String> vpce, Optional<String> vpc, Optional<EndpointOwner> owner, String label,
        Map<String, List<String>> context) {
    public enum Kind { INTERNET, ENDPOINT, AWS_NETWORK }

    /**
     * Who owns the endpoint a request passes: an account, and the organization it is in (the bucket
     * account's, another, or none) — aws:VpceAccount, aws:VpceOrgID, aws:VpceOrgPaths.
     *
     * @param member the account is in the bucket account's organization
     * @param outsidePaths for an account outside it, its path in its own organization (aws:VpceOrgPaths); a member's are the perimeter's
     */
    public record EndpointOwner(String account, Optional<String> orgId, boolean member, List<String> outsidePaths) {
        public EndpointOwner(String account, Optional<String> orgId, boolean member) {
            this(account, orgId, member, List.of());
        }

        // Written out: a record's own equals and hashCode are linked at their first call by a method-handle
        // bootstrap that costs a few milliseconds of start-up, and lint hashes owners on every run.
        @Override
        public boolean equals(Object o) {
            return o instanceof EndpointOwner other && Objects.equals(account, other.account) && Objects.equals(orgId, other.orgId)
                    && member == other.member && outsidePaths.equals(other.outsidePaths);
        }

        @Override
        public int hashCode() {
            return Objects.hash(account, orgId, member, outsidePaths);
        }
    }

    public Origin {
        context = Collections.unmodifiableMap(new LinkedHashMap<>(context));
    }

    public Origin(Kind kind, Optional<String> vpce, Optional<String> vpc, String label, Map<String, List<String>> context) {
        this(kind, vpce, vpc, Optional.empty(), label, context);
    }

    /** The origin S3 gives a request with these network keys: an endpoint when aws:SourceVpce is there, else the internet. */
    static Origin internet(Optional<String> sourceIp) {
        Map<String, List<String>> c = new LinkedHashMap<>();
        sourceIp.ifPresent(ip -> c.put("aws:SourceIp", List.of(ip)));
        return new Origin(Kind.INTERNET, Optional.empty(), Optional.empty(), "the internet" + sourceIp.map(ip -> " (" + ip + ")").orElse(""), c);
    }

    static Origin awsNetwork() {
        return new Origin(Kind.AWS_NETWORK, Optional.empty(), Optional.empty(), "an AWS service's network (no network keys)", Map.of());
    }

    public boolean internet() {
        return kind == Kind.INTERNET;
    }

    @Override
    public String toString() {
        return label;
    }
}
