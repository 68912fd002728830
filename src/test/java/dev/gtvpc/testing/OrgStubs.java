package dev.gtvpc.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.gtvpc.policy.io.Json;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * AWS Organizations in its wire format, AWS JSON 1.1 (the service model of the SDK, organizations-2016-11-28):
 * {@code POST /} with {@code X-Amz-Target: AWSOrganizationsV20161128.<Operation>} and a JSON body
 * ({@code ChildId}, {@code TargetId} and {@code Filter}, {@code PolicyId}); answers {@code {"Roots": [...]}},
 * {@code {"Parents": [{"Id", "Type"}]}}, {@code {"Policies": [{"Id", "Name", "Type", "AwsManaged"}]}},
 * {@code {"Policy": {"PolicySummary": {...}, "Content": text}}}, {@code {"Organization": {"Id", "MasterAccountId"}}};
 * errors are HTTP 400 with {@code {"__type": code, "Message": text}}.
 */
public final class OrgStubs {
    private static final String PREFIX = "AWSOrganizationsV20161128.";
    private static final String JSON_11 = "application/x-amz-json-1.1";

    private OrgStubs() {
    }

    private static MappingBuilder call(String operation) {
        return post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(PREFIX + operation))
                .withHeader("Content-Type", containing(JSON_11));
    }

    /** An organization: its ID and management account, one root, and FullAWSAccess/RCPFullAWSAccess at every target. */
    public static void organization(WireMockServer server, String orgId, String management, String root) {
        server.stubFor(call("DescribeOrganization").willReturn(json(200, "{\"Organization\":{\"Id\":\"" + orgId + "\",\"Arn\":"
                + "\"arn:aws:organizations::" + management + ":organization/" + orgId + "\",\"MasterAccountId\":\"" + management
                + "\",\"FeatureSet\":\"ALL\"}}")));
        server.stubFor(call("ListRoots").willReturn(json(200, "{\"Roots\":[{\"Id\":\"" + root + "\",\"Arn\":\"arn:aws:organizations::"
                + management + ":root/" + orgId + "/" + root + "\",\"Name\":\"Root\"}]}")));
        // what every target has until a test attaches more: the AWS managed policies, which gtvpc leaves out
        server.stubFor(call("ListPoliciesForTarget").atPriority(9).withRequestBody(matchingJsonPath("$.Filter",
                equalTo("SERVICE_CONTROL_POLICY"))).willReturn(json(200, policies(List.of(managed("p-FullAWSAccess", "FullAWSAccess",
                        "SERVICE_CONTROL_POLICY"))))));
        server.stubFor(call("ListPoliciesForTarget").atPriority(9).withRequestBody(matchingJsonPath("$.Filter",
                equalTo("RESOURCE_CONTROL_POLICY"))).willReturn(json(200, policies(List.of(managed("p-RCPFullAWSAccess",
                        "RCPFullAWSAccess", "RESOURCE_CONTROL_POLICY"))))));
        server.stubFor(call("ListParents").atPriority(9).willReturn(error("ChildNotFoundException",
                "We can't find an organizational unit (OU) or AWS account with the ChildId that you specified.")));
    }

    /** {@code child}'s parent is {@code parent} (r-… a root, ou-… an OU). */
    public static void parent(WireMockServer server, String child, String parent) {
        server.stubFor(call("ListParents").atPriority(5).withRequestBody(matchingJsonPath("$.ChildId", equalTo(child)))
                .willReturn(json(200, "{\"Parents\":[{\"Id\":\"" + parent + "\",\"Type\":\"" + (parent.startsWith("r-") ? "ROOT"
                        : "ORGANIZATIONAL_UNIT") + "\"}]}")));
    }

    /** A customer policy of {@code type} attached to {@code target} (besides the managed one), with its text. */
    public static void attach(WireMockServer server, String target, String type, String id, String name, String content) {
        String managed = type.equals("RESOURCE_CONTROL_POLICY") ? managed("p-RCPFullAWSAccess", "RCPFullAWSAccess", type)
                : managed("p-FullAWSAccess", "FullAWSAccess", type);
        String summary = "{\"Id\":\"" + id + "\",\"Arn\":\"arn:aws:organizations::111100000000:policy/o-x/" + type.toLowerCase()
                + "/" + id + "\",\"Name\":\"" + name + "\",\"Type\":\"" + type + "\",\"AwsManaged\":false}";
        server.stubFor(call("ListPoliciesForTarget").atPriority(5).withRequestBody(matchingJsonPath("$.TargetId", equalTo(target)))
                .withRequestBody(matchingJsonPath("$.Filter", equalTo(type))).willReturn(json(200, policies(List.of(managed, summary)))));
        server.stubFor(call("DescribePolicy").withRequestBody(matchingJsonPath("$.PolicyId", equalTo(id)))
                .willReturn(json(200, "{\"Policy\":{\"PolicySummary\":" + summary + ",\"Content\":" + Json.quote(content) + "}}")));
    }

    /** Every Organizations call fails with {@code code} (AccessDeniedException, AWSOrganizationsNotInUseException). */
    public static void refuse(WireMockServer server, String code, int priority) {
        for (String op : List.of("ListRoots", "DescribeOrganization", "ListParents", "ListPoliciesForTarget", "DescribePolicy")) {
            server.stubFor(call(op).atPriority(priority).willReturn(error(code, code.equals("AccessDeniedException")
                    ? "You don't have permissions to access this resource." : "Your account is not a member of an organization.")));
        }
    }

    /** How many Organizations calls of each operation were made. */
    public static Map<String, Integer> calls(WireMockServer server) {
        Map<String, Integer> out = new java.util.TreeMap<>();
        server.findAll(postRequestedFor(urlEqualTo("/"))).stream().map(r -> r.getHeader("X-Amz-Target"))
                .filter(t -> t != null && t.startsWith(PREFIX)).forEach(t -> out.merge(t.substring(PREFIX.length()), 1, Integer::sum));
        return out;
    }

    private static String managed(String id, String name, String type) {
        return "{\"Id\":\"" + id + "\",\"Arn\":\"arn:aws:organizations::aws:policy/" + type.toLowerCase() + "/" + id + "\",\"Name\":\""
                + name + "\",\"Type\":\"" + type + "\",\"AwsManaged\":true}";
    }

    private static String policies(List<String> summaries) {
        return "{\"Policies\":[" + String.join(",", summaries) + "]}";
    }

    private static ResponseDefinitionBuilder error(String code, String message) {
        return json(400, "{\"__type\":" + Json.quote(code) + ",\"Message\":" + Json.quote(message) + "}");
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", JSON_11)
                .withHeader("x-amzn-RequestId", UUID.randomUUID().toString()).withBody(body);
    }
}
