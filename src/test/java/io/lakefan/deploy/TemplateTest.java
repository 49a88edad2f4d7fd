package io.lakefan.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.lakefan.event.DispatchEvent;
import io.lakefan.event.EventCodec;
import io.lakefan.event.ExtractEvent;
import io.lakefan.event.FinalizeEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Checks template.yaml, samconfig.toml and events/*.json against what the code and the deploy
 * docs promise. The template is read with SnakeYAML and a constructor that turns CloudFormation's
 * short tags into their long JSON form ({@code !Ref X} -> {"Ref": "X"}, {@code !Sub s} ->
 * {"Fn::Sub": s}, ...). Jackson's YAML tree reader also parses it, but it silently drops tags, so
 * {@code !Ref SecretId} and the literal string "SecretId" would look the same.
 */
class TemplateTest {

    static final Path ROOT = Path.of(System.getProperty("user.dir"));
    static final ObjectMapper JSON = new ObjectMapper();
    static final String HANDLER = "io.lakefan.lambda.Handler::handleRequest";

    static final Set<String> ENV = Set.of(
            "LAKEFAN_CONFIG", "LAKEFAN_LAKE", "LAKEFAN_SECRET_ID", "LAKEFAN_FUNCTION", "LAKEFAN_CATALOG",
            "LAKEFAN_GLUE_DATABASE", "LAKEFAN_CRAWLER", "LAKEFAN_ATHENA_WORKGROUP", "LAKEFAN_ATHENA_OUTPUT",
            "LAKEFAN_ASYNC_RETRIES", "LAKEFAN_MAX_CONCURRENT_EXTRACTS", "LAKEFAN_DB_TLS", "JAVA_TOOL_OPTIONS");

    /**
     * Actions allowed on Resource "*", each with the reason. Nothing else may use "*".
     * Lambda's VPC networking: the ec2 Describe* actions have no resource-level permissions, and
     * the ENIs Lambda creates, attaches IPs to and deletes have ids nobody knows in advance.
     * These are the actions of AWSLambdaVPCAccessExecutionRole minus its logs:* on *, and the
     * statement exists only when VPC subnets are given.
     */
    static final Map<String, String> STAR_RESOURCE_ALLOWED = Map.of(
            "ec2:CreateNetworkInterface", "Lambda VPC ENI; ENI ids unknown in advance",
            "ec2:DescribeNetworkInterfaces", "Describe* has no resource-level permissions",
            "ec2:DescribeSubnets", "Describe* has no resource-level permissions",
            "ec2:DeleteNetworkInterface", "Lambda VPC ENI; ENI ids unknown in advance",
            "ec2:AssignPrivateIpAddresses", "Lambda VPC ENI; ENI ids unknown in advance",
            "ec2:UnassignPrivateIpAddresses", "Lambda VPC ENI; ENI ids unknown in advance");

    static JsonNode template;
    static JsonNode fn;       // Properties of the function
    static List<JsonNode> statements;

    @BeforeAll
    static void load() throws IOException {
        template = readCloudFormationYaml(ROOT.resolve("template.yaml"));
        JsonNode function = template.path("Resources").path("LakefanFunction");
        assertEquals("AWS::Serverless::Function", function.path("Type").asText(), "LakefanFunction resource");
        fn = function.path("Properties");
        statements = roleStatements();
    }

    // ------------------------------------------------------------------ function

    @Test
    void functionRunsTheHandlerOnJava21WithSnapStartOnTheLiveAlias() {
        assertEquals(HANDLER, fn.path("Handler").asText());
        assertEquals("java21", fn.path("Runtime").asText());
        assertEquals("target/lakefan.jar", fn.path("CodeUri").asText(), "the prebuilt shaded jar is deployed as is");
        assertEquals("live", fn.path("AutoPublishAlias").asText());
        assertEquals("PublishedVersions", fn.path("SnapStart").path("ApplyOn").asText());
        assertEquals(ref("FunctionName"), fn.path("FunctionName"), "the name is a literal from a parameter");
        assertEquals(ref("MemorySize"), fn.path("MemorySize"));
        assertEquals(ref("Timeout"), fn.path("Timeout"));
        assertEquals(ref("Architecture"), fn.path("Architectures").path(0));
        assertTrue(template.at("/Resources/LakefanFunction/Metadata/SkipBuild").asBoolean(),
                "an accidental `sam build` must not rebuild the jar");
    }

    @Test
    void parameterDefaults() {
        assertDefault("MemorySize", "2048");
        assertDefault("Timeout", "900");
        assertDefault("ScheduleExpression", "cron(0 2 * * ? *)");
        assertDefault("ScheduleEnabled", "true");
        assertDefault("ReservedConcurrency", "10");
        assertDefault("AsyncRetries", "2");
        assertDefault("MaxConcurrentExtracts", "8");
        assertDefault("AthenaWorkgroup", "primary");
        assertDefault("ConfigLocation", "classpath:table_name_list.json");
        assertDefault("ExistingBucketName", "");
        assertDefault("VpcSubnetIds", "");
        assertDefault("VpcSecurityGroupIds", "");
        assertDefault("CatalogMode", "glue");
        assertEquals(List.of("0", "1", "2"), texts(param("AsyncRetries").path("AllowedValues")));
        assertEquals(List.of("glue", "crawler", "none"), texts(param("CatalogMode").path("AllowedValues")));
        assertEquals(List.of("disabled", "preferred", "required", "verify-ca", "verify-identity"),
                texts(param("DbTls").path("AllowedValues")));
        assertFalse(param("SecretId").has("Default"), "the secret has no default: a deploy must name it");
        Pattern reserved = Pattern.compile(param("ReservedConcurrency").path("AllowedPattern").asText());
        assertTrue(reserved.matcher("none").matches() && reserved.matcher("10").matches());
        assertFalse(reserved.matcher("-1").matches());
    }

    @Test
    void everyEnvironmentVariableIsSet() {
        JsonNode vars = fn.path("Environment").path("Variables");
        Set<String> names = new TreeSet<>();
        vars.fieldNames().forEachRemaining(names::add);
        assertEquals(new TreeSet<>(ENV), names);

        assertEquals(ref("SecretId"), vars.get("LAKEFAN_SECRET_ID"));
        assertEquals(ref("ConfigLocation"), vars.get("LAKEFAN_CONFIG"));
        assertEquals(ref("CatalogMode"), vars.get("LAKEFAN_CATALOG"));
        assertEquals(ref("GlueDatabaseName"), vars.get("LAKEFAN_GLUE_DATABASE"));
        assertEquals(ref("CrawlerName"), vars.get("LAKEFAN_CRAWLER"));
        assertEquals(ref("AthenaWorkgroup"), vars.get("LAKEFAN_ATHENA_WORKGROUP"));
        assertEquals(ref("MaxConcurrentExtracts"), vars.get("LAKEFAN_MAX_CONCURRENT_EXTRACTS"));
        assertEquals(ref("DbTls"), vars.get("LAKEFAN_DB_TLS"));
        assertEquals(ref("JavaToolOptions"), vars.get("JAVA_TOOL_OPTIONS"));
        // the code's idea of the last attempt and Lambda's retry setting come from one parameter
        assertEquals(ref("AsyncRetries"), vars.get("LAKEFAN_ASYNC_RETRIES"));
        assertEquals(ref("AsyncRetries"), fn.at("/EventInvokeConfig/MaximumRetryAttempts"));

        // the fan-out target is the alias ARN built from the literal name: no reference to the function
        assertEquals("arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:${FunctionName}:live",
                vars.path("LAKEFAN_FUNCTION").path("Fn::Sub").asText());
        assertFalse(vars.get("LAKEFAN_FUNCTION").toString().contains("LakefanFunction"), "circular reference");

        assertTrue(vars.get("LAKEFAN_LAKE").toString().contains("s3://${Bucket}/${LakePrefix}"));
        assertTrue(vars.get("LAKEFAN_ATHENA_OUTPUT").toString().startsWith("{\"Fn::If\":[\"HasAthenaOutput\""));

        String opts = param("JavaToolOptions").path("Default").asText();
        assertFalse(opts.contains("TieredStopAtLevel=1"), "extracts are long CPU-bound work: keep C2 by default");
    }

    @Test
    void reservedConcurrencyAndVpcAreOptional() {
        assertEquals(ifNode("HasReservedConcurrency", ref("ReservedConcurrency"), ref("AWS::NoValue")),
                fn.get("ReservedConcurrentExecutions"));
        JsonNode vpc = fn.path("VpcConfig").path("Fn::If");
        assertEquals("HasVpc", vpc.path(0).asText());
        assertEquals(ref("VpcSubnetIds"), vpc.path(1).path("SubnetIds"));
        assertEquals(ref("VpcSecurityGroupIds"), vpc.path(1).path("SecurityGroupIds"));
        assertEquals(ref("AWS::NoValue"), vpc.path(2));
        assertTrue(template.at("/Conditions/HasVpc").toString().contains("VpcSubnetIds"));
    }

    // ------------------------------------------------------------------ async, schedule, logs

    @Test
    void asyncFailuresGoToAnEncryptedQueue() {
        JsonNode cfg = fn.path("EventInvokeConfig");
        assertEquals(21600, cfg.path("MaximumEventAgeInSeconds").asInt(), "throttled fan-out events must not expire early");
        assertEquals("SQS", cfg.at("/DestinationConfig/OnFailure/Type").asText());
        assertEquals(getAtt("FailureQueue", "Arn"), cfg.at("/DestinationConfig/OnFailure/Destination"));
        JsonNode queue = resource("FailureQueue");
        assertEquals("AWS::SQS::Queue", queue.path("Type").asText());
        assertTrue(queue.at("/Properties/SqsManagedSseEnabled").asBoolean());

        JsonNode send = single("sqs:SendMessage");
        assertEquals(List.of(getAtt("FailureQueue", "Arn")), resources(send));
    }

    @Test
    void scheduleIsAPlainScheduledEventToggledByAParameter() {
        JsonNode events = fn.path("Events");
        assertEquals(1, events.size(), "one trigger: the schedule");
        JsonNode schedule = events.elements().next();
        assertEquals("Schedule", schedule.path("Type").asText());
        JsonNode p = schedule.path("Properties");
        assertEquals(ref("ScheduleExpression"), p.get("Schedule"));
        assertFalse(p.has("Input"), "the dispatcher gets a real Scheduled Event (its id/time make the runId)");
        assertEquals(ifNode("ScheduleOn", text("ENABLED"), text("DISABLED")), p.get("State"));
        assertEquals("{\"Fn::Equals\":[{\"Ref\":\"ScheduleEnabled\"},\"true\"]}",
                template.at("/Conditions/ScheduleOn").toString());
    }

    @Test
    void logGroupIsTheFunctionsWithRetention() {
        JsonNode lg = resource("LogGroup");
        assertEquals("AWS::Logs::LogGroup", lg.path("Type").asText());
        assertEquals("/aws/lambda/${FunctionName}", lg.at("/Properties/LogGroupName/Fn::Sub").asText());
        assertEquals(ref("LogRetentionDays"), lg.at("/Properties/RetentionInDays"));
        assertEquals("LogGroup", template.at("/Resources/LakefanFunction/DependsOn").asText());
        JsonNode logs = single("logs:PutLogEvents");
        assertEquals(List.of(sub("arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/lambda/${FunctionName}:*")),
                resources(logs));
        assertFalse(actions(logs).contains("logs:CreateLogGroup"), "the stack creates the group");
    }

    // ------------------------------------------------------------------ IAM

    @Test
    void functionUsesTheExplicitRoleAndNoManagedPolicies() {
        assertEquals(getAtt("FunctionRole", "Arn"), fn.get("Role"));
        assertFalse(fn.has("Policies"), "SAM-generated role would add AWSLambdaBasicExecutionRole (logs on *)");
        JsonNode role = resource("FunctionRole");
        assertEquals("AWS::IAM::Role", role.path("Type").asText());
        assertFalse(role.path("Properties").has("ManagedPolicyArns"));
        assertEquals("lambda.amazonaws.com", role.at("/Properties/AssumeRolePolicyDocument/Statement/0/Principal/Service").asText());
        assertTrue(statements.size() >= 10, "statements found: " + statements.size());
    }

    @Test
    void noWildcardActionsAndStarResourcesOnlyWhereUnavoidable() {
        for (JsonNode st : statements) {
            assertEquals("Allow", body(st).path("Effect").asText(), st::toString);
            for (String a : actions(st)) {
                assertFalse(a.equals("*") || a.endsWith(":*") || a.contains("*"), "wildcard action " + a + " in " + st);
            }
            for (JsonNode r : resources(st)) {
                String s = r.isTextual() ? r.asText() : r.path("Fn::Sub").asText("");
                if (r.isTextual() && s.equals("*")) {
                    for (String a : actions(st)) {
                        assertTrue(STAR_RESOURCE_ALLOWED.containsKey(a), "Resource \"*\" for " + a + " in " + st);
                    }
                }
                assertFalse(s.matches("arn:[^:]*:[^:]*:[^:]*:[^:]*:\\*"), "service-wide resource " + s);
                assertFalse(s.matches("arn:\\$\\{AWS::Partition}:s3:::\\*.*"), "all buckets: " + s);
            }
        }
        // the one "*" statement exists only with a VPC
        JsonNode eni = statementWithSid("VpcNetworkInterfaces");
        assertEquals("HasVpc", conditionOf(eni));
        assertEquals(STAR_RESOURCE_ALLOWED.keySet(), new TreeSet<>(actions(eni)));
    }

    @Test
    void invokeIsScopedToTheFunctionsOwnName() {
        JsonNode invoke = single("lambda:InvokeFunction");
        assertEquals(List.of("lambda:InvokeFunction"), actions(invoke));
        String fnArn = "arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:${FunctionName}";
        assertEquals(List.of(sub(fnArn), sub(fnArn + ":*")), resources(invoke));
        assertEquals(null, conditionOf(invoke));
    }

    @Test
    void secretIsScopedToTheOneSecret() {
        JsonNode secret = single("secretsmanager:GetSecretValue");
        assertEquals(List.of("secretsmanager:GetSecretValue"), actions(secret));
        JsonNode r = secret.path("Resource");
        assertEquals(ifNode("IsSecretArn", ref("SecretId"),
                sub("arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:${SecretId}-??????")), r);
        Pattern p = Pattern.compile(param("SecretId").path("AllowedPattern").asText());
        assertTrue(p.matcher("lakefan/prod/source-db").matches());
        assertTrue(p.matcher("arn:aws:secretsmanager:eu-west-1:123456789012:secret:lakefan/db-AbCdEf").matches());
        assertFalse(p.matcher("*").matches(), "a wildcard secret name would widen the policy");
    }

    @Test
    void s3IsScopedToTheLakePrefix() {
        JsonNode objects = statementWithSid("LakeObjects");
        assertEquals(Set.of("s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload",
                "s3:ListMultipartUploadParts"), Set.copyOf(actions(objects)));
        assertEquals("arn:${AWS::Partition}:s3:::${Bucket}/${LakePrefix}/*",
                objects.path("Resource").path("Fn::Sub").path(0).asText());

        JsonNode list = statementWithSid("LakeList");
        assertEquals(List.of("s3:ListBucket"), actions(list));
        assertEquals("arn:${AWS::Partition}:s3:::${Bucket}", list.path("Resource").path("Fn::Sub").path(0).asText());
        assertEquals(List.of(sub("${LakePrefix}"), sub("${LakePrefix}/*")),
                elements(list.at("/Condition/StringLike/s3:prefix")));

        // no other statement touches the lake's objects outside the prefix
        for (JsonNode st : statements) {
            for (JsonNode r : resources(st)) {
                String s = r.toString();
                if (s.contains("${Bucket}/") && !body(st).equals(objects)) {
                    fail("another statement on lake objects: " + st);
                }
            }
        }
    }

    @Test
    void glueAthenaAndCrawlerAreScopedToTheirNames() {
        JsonNode glue = statementWithSid("GlueCatalog");
        assertEquals("CatalogOn", conditionOf(glue));
        List<String> glueResources = subs(glue);
        assertEquals(List.of(
                "arn:${AWS::Partition}:glue:${AWS::Region}:${AWS::AccountId}:catalog",
                "arn:${AWS::Partition}:glue:${AWS::Region}:${AWS::AccountId}:database/${GlueDatabaseName}",
                "arn:${AWS::Partition}:glue:${AWS::Region}:${AWS::AccountId}:table/${GlueDatabaseName}/*"), glueResources);
        assertFalse(actions(glue).stream().anyMatch(a -> a.startsWith("glue:Delete")), "finalize never deletes catalog objects");
        JsonNode views = statementWithSid("GlueLatestViews");
        assertEquals("CatalogOn", conditionOf(views));
        assertEquals(List.of("glue:DeleteTable"), actions(views), "only a view's entry may be replaced");
        assertEquals(List.of("arn:${AWS::Partition}:glue:${AWS::Region}:${AWS::AccountId}:table/${GlueDatabaseName}/*_latest*"),
                subs(views));

        JsonNode crawler = statementWithSid("GlueCrawler");
        assertEquals("HasCrawler", conditionOf(crawler));
        assertEquals(List.of("arn:${AWS::Partition}:glue:${AWS::Region}:${AWS::AccountId}:crawler/${CrawlerName}"), subs(crawler));

        JsonNode athena = statementWithSid("AthenaWorkgroup");
        assertTrue(actions(athena).contains("athena:StartQueryExecution"));
        assertEquals(List.of("arn:${AWS::Partition}:athena:${AWS::Region}:${AWS::AccountId}:workgroup/${AthenaWorkgroup}"), subs(athena));

        JsonNode out = statementWithSid("AthenaOutputObjects");
        assertEquals("AthenaOutputElsewhere", conditionOf(out));
        assertEquals("arn:${AWS::Partition}:s3:::${BucketAndPath}*", out.at("/Resource/Fn::Sub/0").asText());
    }

    // ------------------------------------------------------------------ bucket and catalog resources

    @Test
    void lakeBucketIsOptionalEncryptedPrivateAndTlsOnly() {
        assertEquals("{\"Fn::Equals\":[{\"Ref\":\"ExistingBucketName\"},\"\"]}", template.at("/Conditions/CreateBucket").toString());
        JsonNode bucket = resource("LakeBucket");
        assertEquals("CreateBucket", bucket.path("Condition").asText());
        assertEquals("Retain", bucket.path("DeletionPolicy").asText(), "the lake outlives the stack");
        JsonNode sse = bucket.at("/Properties/BucketEncryption/ServerSideEncryptionConfiguration/0/ServerSideEncryptionByDefault/Fn::If");
        assertEquals("aws:kms", sse.path(1).path("SSEAlgorithm").asText());
        assertEquals("AES256", sse.path(2).path("SSEAlgorithm").asText());
        JsonNode pab = bucket.at("/Properties/PublicAccessBlockConfiguration");
        for (String k : List.of("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets")) {
            assertTrue(pab.path(k).asBoolean(), k);
        }
        JsonNode deny = resource("LakeBucketPolicy").at("/Properties/PolicyDocument/Statement/0");
        assertEquals("Deny", deny.path("Effect").asText());
        assertEquals("false", deny.at("/Condition/Bool/aws:SecureTransport").asText());
    }

    @Test
    void glueDatabaseIsCreatedOnlyWithACatalog() {
        JsonNode db = resource("GlueDatabase");
        assertEquals("AWS::Glue::Database", db.path("Type").asText());
        assertEquals("MakeGlueDatabase", db.path("Condition").asText());
        assertEquals(ref("GlueDatabaseName"), db.at("/Properties/DatabaseInput/Name"));
        assertTrue(template.at("/Conditions/MakeGlueDatabase").toString().contains("CatalogOn"));
    }

    @Test
    void outputsNameTheFunctionAliasBucketAndQueue() {
        JsonNode out = template.path("Outputs");
        assertEquals(ref("LakefanFunction"), out.at("/FunctionName/Value"));
        assertEquals(ref("LakefanFunction.Alias"), out.at("/FunctionAliasArn/Value"));
        assertEquals(ifNode("CreateBucket", ref("LakeBucket"), ref("ExistingBucketName")), out.at("/LakeBucketName/Value"));
        assertEquals(ref("FailureQueue"), out.at("/FailureQueueUrl/Value"));
    }

    // ------------------------------------------------------------------ samconfig and events

    @Test
    void samconfigHasThreeEnvironments() throws IOException {
        String toml = Files.readString(ROOT.resolve("samconfig.toml"));
        for (String env : List.of("default", "dev", "prod")) {
            String section = section(toml, "[" + env + ".deploy.parameters]");
            assertTrue(section.contains("stack_name = "), env);
            assertTrue(section.contains("resolve_s3 = true"), env);
            assertTrue(section.contains("capabilities = \"CAPABILITY_IAM CAPABILITY_NAMED_IAM\""), env);
            assertTrue(section.contains("parameter_overrides = ") && section.contains("SecretId="), env);
        }
        assertTrue(section(toml, "[prod.deploy.parameters]").contains("confirm_changeset = true"));
    }

    @Test
    void scheduledEventHasTheEventBridgeShapeAndParses() throws IOException {
        JsonNode e = event("scheduled.json");
        for (String k : List.of("version", "id", "detail-type", "source", "account", "time", "region", "resources", "detail")) {
            assertTrue(e.has(k), k);
        }
        assertEquals("Scheduled Event", e.path("detail-type").asText());
        assertEquals("aws.events", e.path("source").asText());
        assertTrue(e.path("account").asText().matches("[0-9]{12}"));
        assertTrue(e.path("time").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"));
        assertTrue(e.path("resources").path(0).asText().startsWith("arn:aws:events:"));
        assertTrue(e.path("detail").isObject() && e.path("detail").isEmpty());
        assertInstanceOf(DispatchEvent.class, EventCodec.parse(bytes("scheduled.json")));
    }

    @Test
    void roleEventsHaveTheirShapesAndTheCodecAcceptsThem() throws IOException {
        assertEquals(JSON.readTree("{\"action\":\"extract\",\"table\":\"customers\"}"), event("extract-one-table.json"));
        assertEquals(JSON.readTree("{\"action\":\"finalize\",\"runId\":\"20261122T020000Z-3f2a9c1b\"}"), event("finalize.json"));
        assertEquals(JSON.readTree("{\"action\":\"dispatch\",\"tables\":[\"customers\",\"orders\"]}"), event("dispatch-some-tables.json"));

        ExtractEvent x = assertInstanceOf(ExtractEvent.class, EventCodec.parse(bytes("extract-one-table.json")));
        assertEquals("customers", x.table());
        FinalizeEvent f = assertInstanceOf(FinalizeEvent.class, EventCodec.parse(bytes("finalize.json")));
        assertEquals("20261122T020000Z-3f2a9c1b", f.runId());
        DispatchEvent d = assertInstanceOf(DispatchEvent.class, EventCodec.parse(bytes("dispatch-some-tables.json")));
        assertEquals(List.of("customers", "orders"), d.tables());
    }

    // ------------------------------------------------------------------ helpers

    /** YAML with CloudFormation short tags, as the long JSON form CloudFormation itself uses. */
    static JsonNode readCloudFormationYaml(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Object doc = new Yaml(new CloudFormationConstructor()).load(r);
            return JSON.valueToTree(doc);
        }
    }

    static final class CloudFormationConstructor extends SafeConstructor {
        CloudFormationConstructor() {
            super(new LoaderOptions());
            // null key = any tag without a constructor of its own: !Ref, !Sub, !If, !GetAtt, ...
            yamlConstructors.put(null, new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    String tag = node.getTag().getValue();
                    if (!tag.startsWith("!")) throw new IllegalStateException("unexpected YAML tag " + tag);
                    String name = tag.substring(1);
                    String key = name.equals("Ref") || name.equals("Condition") ? name : "Fn::" + name;
                    Object value;
                    if (node instanceof ScalarNode s) {
                        String v = (String) constructScalar(s);
                        value = name.equals("GetAtt") ? List.of(v.split("\\.", 2)) : v;
                    } else if (node instanceof SequenceNode s) {
                        value = constructSequence(s);
                    } else {
                        value = constructMapping((MappingNode) node);
                    }
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put(key, value);
                    return m;
                }
            });
        }
    }

    /** Statements of every inline policy of every role; a conditional statement is kept with its !If wrapper. */
    static List<JsonNode> roleStatements() {
        List<JsonNode> out = new ArrayList<>();
        template.path("Resources").forEach(res -> {
            if (!res.path("Type").asText().equals("AWS::IAM::Role") && !res.path("Type").asText().equals("AWS::IAM::Policy")) {
                return;
            }
            JsonNode docs = res.path("Type").asText().equals("AWS::IAM::Role")
                    ? res.at("/Properties/Policies") : JSON.createArrayNode().add(res.path("Properties"));
            docs.forEach(policy -> policy.at("/PolicyDocument/Statement").forEach(out::add));
        });
        return out;
    }

    /** A statement itself, or the true branch of {"Fn::If": [cond, statement, {"Ref": "AWS::NoValue"}]}. */
    static JsonNode body(JsonNode st) {
        if (st.has("Fn::If")) {
            assertEquals(ref("AWS::NoValue"), st.path("Fn::If").path(2), "conditional statements drop out when false");
            return st.path("Fn::If").path(1);
        }
        return st;
    }

    static String conditionOf(JsonNode bodyNode) {
        for (JsonNode st : statements) {
            if (st.has("Fn::If") && st.path("Fn::If").path(1).equals(bodyNode)) return st.path("Fn::If").path(0).asText();
        }
        return null;
    }

    static JsonNode statementWithSid(String sid) {
        return statements.stream().map(TemplateTest::body).filter(s -> sid.equals(s.path("Sid").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no statement " + sid));
    }

    static JsonNode single(String action) {
        List<JsonNode> found = statements.stream().map(TemplateTest::body).filter(s -> actions(s).contains(action)).toList();
        assertEquals(1, found.size(), "statements granting " + action);
        return found.get(0);
    }

    static List<String> actions(JsonNode st) {
        return texts(body(st).path("Action"));
    }

    static List<JsonNode> resources(JsonNode st) {
        return elements(body(st).path("Resource"));
    }

    static List<String> subs(JsonNode st) {
        return resources(st).stream().map(r -> r.path("Fn::Sub").asText()).toList();
    }

    static List<JsonNode> elements(JsonNode n) {
        List<JsonNode> l = new ArrayList<>();
        if (n.isArray()) n.forEach(l::add); else if (!n.isMissingNode()) l.add(n);
        return l;
    }

    static List<String> texts(JsonNode n) {
        return elements(n).stream().map(JsonNode::asText).toList();
    }

    static JsonNode resource(String id) {
        JsonNode r = template.path("Resources").path(id);
        assertFalse(r.isMissingNode(), "resource " + id);
        return r;
    }

    static JsonNode param(String name) {
        JsonNode p = template.path("Parameters").path(name);
        assertFalse(p.isMissingNode(), "parameter " + name);
        return p;
    }

    static void assertDefault(String name, String value) {
        assertEquals(value, param(name).path("Default").asText(), "default of " + name);
    }

    static JsonNode ref(String name) {
        return JSON.createObjectNode().put("Ref", name);
    }

    static JsonNode sub(String s) {
        return JSON.createObjectNode().put("Fn::Sub", s);
    }

    static JsonNode text(String s) {
        return JSON.getNodeFactory().textNode(s);
    }

    static JsonNode getAtt(String res, String att) {
        JsonNode n = JSON.createObjectNode();
        ((com.fasterxml.jackson.databind.node.ObjectNode) n).putArray("Fn::GetAtt").add(res).add(att);
        return n;
    }

    static JsonNode ifNode(String cond, JsonNode yes, JsonNode no) {
        JsonNode n = JSON.createObjectNode();
        ArrayNode a = ((com.fasterxml.jackson.databind.node.ObjectNode) n).putArray("Fn::If");
        a.add(cond).add(yes).add(no);
        return n;
    }

    static String section(String toml, String header) {
        int at = toml.indexOf(header);
        assertTrue(at >= 0, "samconfig.toml has " + header);
        int next = toml.indexOf("\n[", at + header.length());
        return toml.substring(at, next < 0 ? toml.length() : next);
    }

    static JsonNode event(String name) throws IOException {
        return JSON.readTree(bytes(name));
    }

    static byte[] bytes(String name) throws IOException {
        return Files.readAllBytes(ROOT.resolve("events").resolve(name));
    }
}
