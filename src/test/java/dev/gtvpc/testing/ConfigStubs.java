package dev.gtvpc.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.gtvpc.policy.io.Json;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * AWS Config's SelectAggregateResourceConfig in its wire format, AWS JSON 1.1: {@code POST /} with
 * {@code X-Amz-Target: StarlingDoveService.SelectAggregateResourceConfig} and a body of
 * {@code Expression}, {@code ConfigurationAggregatorName}, {@code Limit} and {@code NextToken}; the
 * answer is {@code {"Results": [row as a JSON string, ...], "QueryInfo": {"SelectFields": [...]},
 * "NextToken": ...}}; errors are HTTP 4xx/5xx with {@code {"__type": code, "message": text}}.
 * A page is chosen by a fragment of its query's expression and its NextToken (none for the first).
 */
public final class ConfigStubs {
    private static final String TARGET = "StarlingDoveService.SelectAggregateResourceConfig";
    private static final String JSON_11 = "application/x-amz-json-1.1";

    private ConfigStubs() {
    }

    private static MappingBuilder page(String aggregator, String expressionPart, Optional<String> token) {
        MappingBuilder m = post(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo(TARGET))
                .withHeader("Content-Type", containing(JSON_11))
                .withRequestBody(matchingJsonPath("$.ConfigurationAggregatorName", equalTo(aggregator)))
                .withRequestBody(matchingJsonPath("$.Expression", containing(expressionPart)));
        return token.isPresent() ? m.withRequestBody(matchingJsonPath("$.NextToken", equalTo(token.get())))
                : m.withRequestBody(notContaining("\"NextToken\""));
    }

    /** The page of {@code expressionPart} at {@code token} answers {@code rows}, and {@code next} as its NextToken. */
    public static void page(WireMockServer server, String aggregator, String expressionPart, Optional<String> token, List<String> rows,
            Optional<String> next, List<String> fields) {
        server.stubFor(page(aggregator, expressionPart, token).atPriority(5).willReturn(ok(rows, next, fields)));
    }

    /** As {@link #page}, chosen before the pages of a shorter fragment that the expression also contains. */
    public static void pageFirst(WireMockServer server, String aggregator, String expressionPart, Optional<String> token, List<String> rows,
            Optional<String> next, List<String> fields) {
        server.stubFor(page(aggregator, expressionPart, token).atPriority(3).willReturn(ok(rows, next, fields)));
    }

    /** The first {@code times} calls for that page are throttled (HTTP 400 ThrottlingException), then the normal stub answers. */
    public static void throttleFirst(WireMockServer server, String aggregator, String expressionPart, Optional<String> token, int times) {
        String scenario = "throttle " + UUID.randomUUID();
        for (int i = 0; i < times; i++) {
            server.stubFor(page(aggregator, expressionPart, token).atPriority(1)
                    .inScenario(scenario).whenScenarioStateIs(i == 0 ? Scenario.STARTED : "throttled " + i)
                    .willSetStateTo("throttled " + (i + 1))
                    .willReturn(error(400, "ThrottlingException", "Rate exceeded")));
        }
    }

    /** That page fails on every call with HTTP 500 InternalFailure. */
    public static void failAlways(WireMockServer server, String aggregator, String expressionPart, Optional<String> token) {
        server.stubFor(page(aggregator, expressionPart, token).atPriority(1)
                .willReturn(error(500, "InternalFailure", "We encountered an internal error. Please try again.")));
    }

    /** How many requests that page received. */
    public static int calls(WireMockServer server, String expressionPart, Optional<String> token) {
        List<LoggedRequest> all = server.findAll(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(TARGET))
                .withRequestBody(matchingJsonPath("$.Expression", containing(expressionPart))));
        return (int) all.stream().filter(r -> token.map(t -> r.getBodyAsString().contains("\"NextToken\":\"" + t + "\""))
                .orElse(!r.getBodyAsString().contains("\"NextToken\""))).count();
    }

    private static ResponseDefinitionBuilder ok(List<String> rows, Optional<String> next, List<String> fields) {
        StringBuilder b = new StringBuilder("{\"QueryInfo\":{\"SelectFields\":[");
        for (int i = 0; i < fields.size(); i++) {
            b.append(i == 0 ? "" : ",").append("{\"Name\":").append(Json.quote(fields.get(i))).append('}');
        }
        b.append("]},\"Results\":[");
        for (int i = 0; i < rows.size(); i++) {
            b.append(i == 0 ? "" : ",").append(Json.quote(rows.get(i)));
        }
        b.append(']');
        next.ifPresent(t -> b.append(",\"NextToken\":").append(Json.quote(t)));
        b.append('}');
        return json(200, b.toString());
    }

    private static ResponseDefinitionBuilder error(int status, String code, String message) {
        return json(status, "{\"__type\":" + Json.quote(code) + ",\"message\":" + Json.quote(message) + "}");
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", JSON_11)
                .withHeader("x-amzn-RequestId", UUID.randomUUID().toString()).withBody(body);
    }
}
