package dev.gtvpc.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * WireMock stubs that speak SageMaker's and STS's real wire formats, so the SDK's own marshalling,
 * error parsing and retries run as they would against AWS.
 *
 * <p>SageMaker is AWS JSON 1.1: every call is {@code POST /} with {@code X-Amz-Target: SageMaker.<Operation>}
 * and a JSON body; errors are HTTP 4xx/5xx with {@code {"__type": code, "message": text}}; timestamps are
 * epoch seconds as JSON numbers. STS is the Query protocol: {@code POST /} with a form body
 * {@code Action=...&Version=2011-06-15}, an XML answer wrapped in {@code <XResponse><XResult>}, and errors
 * as {@code <ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>}.
 *
 * <p>Normal answers are stubbed at priority {@value #NORMAL}; faults at {@value #FAULT}, so a fault added
 * on top of working stubs wins, and a fault that runs out (a scenario) hands back to them.
 */
public final class AwsStubs {
    /** AWS's documented example key pair: looks real to the signer, is no one's. */
    public static final String ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE";
    public static final String SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    public static final String ACCOUNT = "111122223333";
    public static final String REGION = "us-east-1";

    private static final int FAULT = 1;
    private static final int NORMAL = 5;
    private static final String JSON_11 = "application/x-amz-json-1.1";
    // A fixed instant with a fraction: SageMaker sends milliseconds, and the SDK must read a decimal number.
    private static final String CREATED = "1717171717.123";
    private static final String MODIFIED = "1717175317.456";

    private AwsStubs() {
    }

    /** A started WireMock server on a free port, logging through SLF4J (silent without a binding). */
    public static WireMockServer server() {
        WireMockServer server = new WireMockServer(options().dynamicPort().notifier(new Slf4jNotifier(false)));
        server.start();
        return server;
    }

    /** What production passes as the endpoint text: where the client sends its requests. */
    public static String endpoint(WireMockServer server) {
        return server.baseUrl();
    }

    /** A SageMaker client configured as gtvpc's own: JDK HTTP client, standard retries (3 attempts), us-east-1. */
    public static SageMakerClient sageMaker(WireMockServer server) {
        return sageMaker(URI.create(server.baseUrl()));
    }

    public static SageMakerClient sageMaker(URI endpoint) {
        return SageMakerClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(endpoint)
                .region(Region.of(REGION))
                .credentialsProvider(credentials())
                .overrideConfiguration(c -> c.retryStrategy(RetryMode.STANDARD))
                .build();
    }

    /** An STS client configured as gtvpc's own. */
    public static StsClient sts(WireMockServer server) {
        return sts(URI.create(server.baseUrl()));
    }

    public static StsClient sts(URI endpoint) {
        return StsClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(endpoint)
                .region(Region.of(REGION))
                .credentialsProvider(credentials())
                .overrideConfiguration(c -> c.retryStrategy(RetryMode.STANDARD))
                .build();
    }

    private static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY));
    }

    // ---------------------------------------------------------------- operations and their error formats

    /** The calls gtvpc makes, each with how to recognise its request and how its service writes an error. */
    public enum Operation {
        LIST_LABELING_JOBS("ListLabelingJobs"),
        DESCRIBE_LABELING_JOB("DescribeLabelingJob"),
        GET_CALLER_IDENTITY("GetCallerIdentity");

        private final String apiName;

        Operation(String apiName) {
            this.apiName = apiName;
        }

        public String apiName() {
            return apiName;
        }

        boolean isQuery() {
            return this == GET_CALLER_IDENTITY;
        }

        MappingBuilder request() {
            if (isQuery()) {
                return post(urlEqualTo("/"))
                        .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                        .withRequestBody(containing("Action=" + apiName))
                        .withRequestBody(containing("Version=2011-06-15"));
            }
            return post(urlEqualTo("/"))
                    .withHeader("X-Amz-Target", equalTo("SageMaker." + apiName))
                    .withHeader("Content-Type", containing(JSON_11));
        }

        RequestPatternBuilder requested() {
            if (isQuery()) {
                return postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=" + apiName));
            }
            return postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("SageMaker." + apiName));
        }

        ResponseDefinitionBuilder error(int status, String code, String message) {
            if (isQuery()) {
                String type = status >= 500 ? "Receiver" : "Sender";
                return aResponse().withStatus(status)
                        .withHeader("Content-Type", "text/xml")
                        .withHeader("x-amzn-RequestId", requestId())
                        .withBody("<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
                                + "<Error><Type>" + type + "</Type><Code>" + xml(code) + "</Code><Message>" + xml(message)
                                + "</Message></Error><RequestId>" + requestId() + "</RequestId></ErrorResponse>");
            }
            return json(status, "{\"__type\":" + quote(code) + ",\"message\":" + quote(message) + "}");
        }
    }

    /** Every request {@code operation} received, oldest first, as body text. */
    public static List<String> requestBodies(WireMockServer server, Operation operation) {
        List<LoggedRequest> requests = new ArrayList<>(server.findAll(operation.requested()));
        requests.sort((a, b) -> a.getLoggedDate().compareTo(b.getLoggedDate()));
        return requests.stream().map(LoggedRequest::getBodyAsString).toList();
    }

    /** Every call to {@code operation} is throttled (HTTP 400, the service's throttling code). */
    public static void alwaysThrottle(WireMockServer server, Operation operation) {
        server.stubFor(operation.request().atPriority(FAULT).willReturn(throttled(operation)));
    }

    /**
     * The next {@code throttles} calls to {@code operation} are throttled; after that the normal stubs
     * answer. Stub the normal answers too.
     */
    public static void throttleThenSucceed(WireMockServer server, Operation operation, int throttles) {
        String scenario = "throttle " + operation.apiName() + " " + UUID.randomUUID();
        for (int i = 0; i < throttles; i++) {
            String state = i == 0 ? Scenario.STARTED : "throttled " + i;
            server.stubFor(operation.request().atPriority(FAULT)
                    .inScenario(scenario).whenScenarioStateIs(state).willSetStateTo("throttled " + (i + 1))
                    .willReturn(throttled(operation)));
        }
    }

    /** Every call to {@code operation} fails with HTTP 500, the service's InternalFailure. */
    public static void serverError(WireMockServer server, Operation operation) {
        server.stubFor(operation.request().atPriority(FAULT)
                .willReturn(operation.error(500, "InternalFailure", "We encountered an internal error. Please try again.")));
    }

    /** Every call to {@code operation} fails with any error the service could send. */
    public static void error(WireMockServer server, Operation operation, int status, String code, String message) {
        server.stubFor(operation.request().atPriority(FAULT).willReturn(operation.error(status, code, message)));
    }

    private static ResponseDefinitionBuilder throttled(Operation operation) {
        // Same text both services use; the codes differ: JSON services say ThrottlingException, STS says Throttling.
        return operation.error(400, operation.isQuery() ? "Throttling" : "ThrottlingException", "Rate exceeded");
    }

    // ---------------------------------------------------------------- STS

    /** GetCallerIdentity answers with this identity. */
    public static void callerIdentity(WireMockServer server, String arn, String account, String userId) {
        server.stubFor(Operation.GET_CALLER_IDENTITY.request().atPriority(NORMAL).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/xml")
                .withHeader("x-amzn-RequestId", requestId())
                .withBody("<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">\n"
                        + "  <GetCallerIdentityResult>\n"
                        + "    <Arn>" + xml(arn) + "</Arn>\n"
                        + "    <UserId>" + xml(userId) + "</UserId>\n"
                        + "    <Account>" + xml(account) + "</Account>\n"
                        + "  </GetCallerIdentityResult>\n"
                        + "  <ResponseMetadata>\n"
                        + "    <RequestId>" + requestId() + "</RequestId>\n"
                        + "  </ResponseMetadata>\n"
                        + "</GetCallerIdentityResponse>\n")));
    }

    // ---------------------------------------------------------------- SageMaker

    /**
     * A labeling job as the stubs describe it. Any URI may be null: no manifest makes a streaming job (an
     * SNS input), no UI template a job on a built-in UI (HumanTaskUiArn), no label categories leaves the
     * member out. A null output path is not something SageMaker sends (it is required); it is there to
     * check gtvpc survives a malformed answer.
     */
    public record JobStub(String name, String manifestUri, String outputPath, String labelCategoriesUri, String uiTemplateUri) {
        public JobStub {
            Objects.requireNonNull(name, "name");
        }

        /** A job with all four files under {@code s3://bucket/name/}. */
        public static JobStub inBucket(String name, String bucket) {
            String base = "s3://" + bucket + "/" + name + "/";
            return new JobStub(name, base + "input.manifest", base + "output/", base + "categories.json", base + "template.liquid.html");
        }

        public String arn() {
            // SageMaker lowercases the name in the ARN.
            return "arn:aws:sagemaker:" + REGION + ":" + ACCOUNT + ":labeling-job/" + name.toLowerCase(Locale.ROOT);
        }
    }

    /** ListLabelingJobs(StatusEquals=InProgress) pages through {@code jobs}, and DescribeLabelingJob knows each. */
    public static void labelingJobs(WireMockServer server, int pageSize, List<JobStub> jobs) {
        listLabelingJobs(server, pageSize, jobs);
        jobs.forEach(job -> describeLabelingJob(server, job));
    }

    /**
     * ListLabelingJobs answers with {@code jobs}, {@code pageSize} to a page. The first page answers only a
     * request with no NextToken, each later page only the token the page before gave out, and every page
     * only StatusEquals=InProgress: any other request finds no stub (WireMock's 404) and fails loudly.
     */
    public static void listLabelingJobs(WireMockServer server, int pageSize, List<JobStub> jobs) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be at least 1");
        }
        int pages = Math.max(1, (jobs.size() + pageSize - 1) / pageSize);
        for (int page = 0; page < pages; page++) {
            List<JobStub> slice = jobs.subList(Math.min(jobs.size(), page * pageSize), Math.min(jobs.size(), (page + 1) * pageSize));
            StringBuilder body = new StringBuilder("{\"LabelingJobSummaryList\":[");
            for (int i = 0; i < slice.size(); i++) {
                body.append(i == 0 ? "" : ",").append(summary(slice.get(i)));
            }
            body.append("]");
            if (page + 1 < pages) {
                body.append(",\"NextToken\":").append(quote(nextToken(page + 1)));
            }
            body.append("}");
            MappingBuilder request = Operation.LIST_LABELING_JOBS.request()
                    .withRequestBody(matchingJsonPath("$.StatusEquals", equalTo("InProgress")));
            request = page == 0 ? request.withRequestBody(notContaining("NextToken"))
                    : request.withRequestBody(matchingJsonPath("$.NextToken", equalTo(nextToken(page))));
            server.stubFor(request.atPriority(NORMAL).willReturn(json(200, body.toString())));
        }
    }

    /**
     * The NextToken that asks for page {@code page} (0-based). Opaque like SageMaker's, and with the
     * base64 characters {@code + / =} that a careless client would mangle.
     */
    public static String nextToken(int page) {
        byte[] raw = ("gtvpc-page-" + page + "\u00ff\u00fe").getBytes(StandardCharsets.ISO_8859_1);
        return Base64.getEncoder().encodeToString(raw) + "+/==";
    }

    /** DescribeLabelingJob(LabelingJobName=job.name) answers with the job, InProgress. */
    public static void describeLabelingJob(WireMockServer server, JobStub job) {
        server.stubFor(describeRequest(job.name()).atPriority(NORMAL).willReturn(json(200, description(job))));
    }

    /** How a job that no longer exists answers DescribeLabelingJob. */
    public enum Gone {
        /** What the API model documents: ResourceNotFound. */
        RESOURCE_NOT_FOUND,
        /**
         * What SageMaker's Describe* calls are reported to send instead: ValidationException saying the
         * resource was not found. The exact text for labeling jobs is not documented; this one is a guess
         * in the style of DescribeTrainingJob's "Requested resource not found."
         */
        VALIDATION_NOT_FOUND
    }

    /** DescribeLabelingJob for {@code name} says the job does not exist. */
    public static void labelingJobGone(WireMockServer server, String name, Gone how) {
        ResponseDefinitionBuilder answer = switch (how) {
            case RESOURCE_NOT_FOUND -> Operation.DESCRIBE_LABELING_JOB.error(400, "ResourceNotFound",
                    "Could not find labeling job '" + name + "'.");
            case VALIDATION_NOT_FOUND -> Operation.DESCRIBE_LABELING_JOB.error(400, "ValidationException",
                    "Requested resource not found.");
        };
        server.stubFor(describeRequest(name).atPriority(FAULT).willReturn(answer));
    }

    private static MappingBuilder describeRequest(String name) {
        return Operation.DESCRIBE_LABELING_JOB.request().withRequestBody(matchingJsonPath("$.LabelingJobName", equalTo(name)));
    }

    private static String summary(JobStub job) {
        return "{"
                + "\"LabelingJobName\":" + quote(job.name())
                + ",\"LabelingJobArn\":" + quote(job.arn())
                + ",\"CreationTime\":" + CREATED
                + ",\"LastModifiedTime\":" + MODIFIED
                + ",\"LabelingJobStatus\":\"InProgress\""
                + ",\"LabelCounters\":" + counters()
                + ",\"WorkteamArn\":" + quote(workteamArn())
                + ",\"PreHumanTaskLambdaArn\":\"arn:aws:lambda:us-east-1:432418664414:function:PRE-BoundingBox\""
                + ",\"InputConfig\":" + inputConfig(job)
                + "}";
    }

    private static String description(JobStub job) {
        StringBuilder b = new StringBuilder("{")
                .append("\"LabelingJobStatus\":\"InProgress\"")
                .append(",\"LabelCounters\":").append(counters())
                .append(",\"CreationTime\":").append(CREATED)
                .append(",\"LastModifiedTime\":").append(MODIFIED)
                .append(",\"JobReferenceCode\":").append(quote(ACCOUNT + "Ab3dEf6hIj9kLmNo"))
                .append(",\"LabelingJobName\":").append(quote(job.name()))
                .append(",\"LabelingJobArn\":").append(quote(job.arn()))
                .append(",\"LabelAttributeName\":").append(quote(job.name()))
                .append(",\"InputConfig\":").append(inputConfig(job))
                .append(",\"OutputConfig\":{");
        if (job.outputPath() != null) {
            b.append("\"S3OutputPath\":").append(quote(job.outputPath())).append(",");
        }
        b.append("\"KmsKeyId\":\"\"}")
                .append(",\"RoleArn\":").append(quote("arn:aws:iam::" + ACCOUNT
                        + ":role/service-role/AmazonSageMaker-ExecutionRole-20240601T120000"));
        if (job.labelCategoriesUri() != null) {
            b.append(",\"LabelCategoryConfigS3Uri\":").append(quote(job.labelCategoriesUri()));
        }
        b.append(",\"StoppingConditions\":{\"MaxPercentageOfInputDatasetLabeled\":100}")
                .append(",\"HumanTaskConfig\":{")
                .append("\"WorkteamArn\":").append(quote(workteamArn()))
                .append(",\"UiConfig\":").append(job.uiTemplateUri() != null
                        ? "{\"UiTemplateS3Uri\":" + quote(job.uiTemplateUri()) + "}"
                        : "{\"HumanTaskUiArn\":\"arn:aws:sagemaker:us-east-1:394669845002:human-task-ui/PointCloudObjectDetection\"}")
                .append(",\"PreHumanTaskLambdaArn\":\"arn:aws:lambda:us-east-1:432418664414:function:PRE-BoundingBox\"")
                .append(",\"TaskKeywords\":[\"Images\",\"bounding boxes\"]")
                .append(",\"TaskTitle\":\"Draw boxes\"")
                .append(",\"TaskDescription\":\"Draw a box around every vehicle\"")
                .append(",\"NumberOfHumanWorkersPerDataObject\":1")
                .append(",\"TaskTimeLimitInSeconds\":300")
                .append(",\"TaskAvailabilityLifetimeInSeconds\":864000")
                .append(",\"MaxConcurrentTaskCount\":1000")
                .append(",\"AnnotationConsolidationConfig\":{\"AnnotationConsolidationLambdaArn\":")
                .append("\"arn:aws:lambda:us-east-1:432418664414:function:ACS-BoundingBox\"}")
                .append("}")
                .append(",\"Tags\":[]")
                .append("}");
        return b.toString();
    }

    private static String inputConfig(JobStub job) {
        String dataSource = job.manifestUri() != null
                ? "{\"S3DataSource\":{\"ManifestS3Uri\":" + quote(job.manifestUri()) + "}}"
                : "{\"SnsDataSource\":{\"SnsTopicArn\":" + quote("arn:aws:sns:" + REGION + ":" + ACCOUNT + ":" + job.name() + "-input") + "}}";
        return "{\"DataSource\":" + dataSource
                + ",\"DataAttributes\":{\"ContentClassifiers\":[\"FreeOfPersonallyIdentifiableInformation\",\"FreeOfAdultContent\"]}}";
    }

    private static String counters() {
        return "{\"TotalLabeled\":3,\"HumanLabeled\":3,\"MachineLabeled\":0,\"FailedNonRetryableError\":0,\"Unlabeled\":7}";
    }

    private static String workteamArn() {
        return "arn:aws:sagemaker:" + REGION + ":" + ACCOUNT + ":workteam/private-crowd/labelers";
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status)
                .withHeader("Content-Type", JSON_11)
                .withHeader("x-amzn-RequestId", requestId())
                .withBody(body);
    }

    private static String requestId() {
        return UUID.randomUUID().toString();
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
