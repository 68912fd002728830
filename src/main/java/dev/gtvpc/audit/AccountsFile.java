package dev.gtvpc.audit;

import dev.gtvpc.GtvpcException;
import dev.gtvpc.policy.AwsIds;
import dev.gtvpc.policy.io.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code --accounts FILE}: the inside of the perimeter per account, for an organization whose accounts
 * each have their own VPCs, endpoints and roles:
 * <pre>
 * {"111122223333": {"vpc": ["vpc-…"], "vpce": ["vpce-…"], "role-arn": ["arn:aws:iam::111122223333:role/…"],
 *                   "admin-arn": "arn:…", "org-id": "o-…"}}
 * </pre>
 * Every member is optional; an account the file names uses only what the file gives for it, one it
 * does not name the options given once for all.
 */
public final class AccountsFile {
    private AccountsFile() {
    }

    public static Map<String, AuditSettings.Inside> parse(String text, String source) {
        Json.Value root;
        try {
            root = Json.parse(text);
        } catch (Json.SyntaxException e) {
            throw GtvpcException.badInput(source + ":" + e.location() + ": " + e.getMessage());
        }
        if (!(root instanceof Json.Obj accounts)) {
            throw GtvpcException.badInput(source + ": the accounts file is a JSON object of account ID to its VPCs, endpoints and roles");
        }
        Map<String, AuditSettings.Inside> out = new LinkedHashMap<>();
        for (Json.Member account : accounts.members()) {
            String at = source + ":" + account.nameLocation() + ": account " + account.name();
            if (!AwsIds.isAccountId(account.name())) {
                throw GtvpcException.badInput(at + " is not a 12-digit account ID");
            }
            if (!(account.value() instanceof Json.Obj o)) {
                throw GtvpcException.badInput(at + ": give an object with vpc, vpce, role-arn, admin-arn or org-id");
            }
            for (Json.Member m : o.members()) {
                if (!List.of("vpc", "vpce", "role-arn", "admin-arn", "org-id").contains(m.name())) {
                    throw GtvpcException.badInput(at + ": '" + m.name() + "' is not vpc, vpce, role-arn, admin-arn or org-id");
                }
            }
            List<String> vpcs = strings(o, "vpc", at, AwsIds::checkVpcId);
            List<String> vpces = strings(o, "vpce", at, AwsIds::checkVpceId);
            List<String> roles = strings(o, "role-arn", at, a -> AwsIds.checkPrincipalArn(a, "aws"));
            Optional<String> admin = strings(o, "admin-arn", at, a -> AwsIds.checkPrincipalArn(a, "aws")).stream().findFirst();
            Optional<String> org = strings(o, "org-id", at, AwsIds::checkOrgId).stream().findFirst();
            out.put(account.name(), new AuditSettings.Inside(vpcs, vpces, roles, admin, org));
        }
        return out;
    }

    private static List<String> strings(Json.Obj o, String name, String at, Function<String, Optional<String>> check) {
        Optional<Json.Value> v = o.get(name);
        List<String> out = new ArrayList<>();
        if (v.isEmpty()) {
            return out;
        }
        List<Json.Value> items = v.get() instanceof Json.Arr a ? a.items() : List.of(v.get());
        for (Json.Value item : items) {
            if (!(item instanceof Json.Str s)) {
                throw GtvpcException.badInput(at + ": " + name + " holds " + item.typeName() + ", not a string");
            }
            check.apply(s.value()).ifPresent(p -> {
                throw GtvpcException.badInput(at + ": " + name + ": " + p);
            });
            out.add(s.value());
        }
        return out;
    }
}
