package io.lakefan.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lakefan.local.FileObjectStore;
import io.lakefan.parquet.FooterSchema;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.glue.GlueClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The Glue Data Catalog API for tests (AWS JSON 1.1): databases, tables and partitions in memory; crawlers with a
 * state machine RUNNING -> STOPPING -> READY advanced by GetCrawler calls, a configurable last-crawl result, and a
 * "hold" that keeps a crawler RUNNING. A successful crawl registers the tables and partitions it finds under its
 * S3 target in the s3proxy folder, as a real crawler would.
 */
public final class FakeGlue extends AwsJsonServer {
    private final Path s3Dir;
    final Map<String, Map<String, ObjectNode>> tables = new ConcurrentHashMap<>();
    private final Map<String, Map<String, ObjectNode>> partitions = new ConcurrentHashMap<>();
    private final Map<String, Crawler> crawlers = new ConcurrentHashMap<>();

    /** A simulated crawler. */
    static final class Crawler {
        final String name;
        final String database;
        final String target;
        String state = "READY";
        int polls;
        int runningPolls = 2;
        boolean hold;
        String result = "SUCCEEDED";
        String error;
        String lastStatus;
        String lastError;
        final AtomicInteger starts = new AtomicInteger();

        Crawler(String name, String database, String target) {
            this.name = name;
            this.database = database;
            this.target = target;
        }
    }

    private FakeGlue(Path s3Dir) {
        this.s3Dir = s3Dir;
    }

    /** @param s3Dir the s3proxy folder ({@code <dir>/<bucket>/<key>}) that S3 locations map to */
    public static FakeGlue start(Path s3Dir) {
        return new FakeGlue(s3Dir);
    }

    /** A Glue client for this server (no retries, so error tests are fast). */
    public GlueClient client() {
        return GlueClient.builder().endpointOverride(endpoint()).region(S3Server.REGION).credentialsProvider(CREDENTIALS)
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }

    /** Defines a crawler writing to {@code database} from {@code s3Target} (the lake's database folder). */
    public void addCrawler(String name, String database, String s3Target) {
        crawlers.put(name, new Crawler(name, database, s3Target));
    }

    /** The next crawls of {@code name} end with this status (SUCCEEDED, FAILED, CANCELLED) and error message. */
    public synchronized void crawlResult(String name, String status, String error) {
        Crawler c = crawler(name);
        c.result = status;
        c.error = error;
    }

    /** Keeps the crawler RUNNING (true) until released (false). */
    public synchronized void hold(String name, boolean hold) {
        crawler(name).hold = hold;
    }

    /** Makes the crawler RUNNING now, as if someone else had started it. */
    public synchronized void startElsewhere(String name) {
        Crawler c = crawler(name);
        c.state = "RUNNING";
        c.polls = 0;
    }

    public int starts(String name) {
        return crawler(name).starts.get();
    }

    public synchronized String state(String name) {
        return crawler(name).state;
    }

    /** The stored table, or null. */
    public JsonNode table(String database, String name) {
        return tables.getOrDefault(database, Map.of()).get(name);
    }

    /** The column names of a table's storage descriptor. */
    public List<String> columns(String database, String name) {
        List<String> out = new ArrayList<>();
        JsonNode t = table(database, name);
        if (t != null) t.path("StorageDescriptor").path("Columns").forEach(c -> out.add(c.path("Name").asText()));
        return out;
    }

    /** The partitions of a table: first value to its stored JSON. */
    public Map<String, JsonNode> partitions(String database, String table) {
        return new LinkedHashMap<>(partitions.getOrDefault(database + "." + table, Map.of()));
    }

    /** Removes a database and everything in it (between tests). */
    public void dropDatabase(String database) {
        tables.remove(database);
        partitions.keySet().removeIf(k -> k.startsWith(database + "."));
    }

    @Override
    synchronized ObjectNode handle(String op, JsonNode r) {
        ObjectNode out = JSON.createObjectNode();
        switch (op) {
            case "GetDatabase" -> {
                String name = text(r, "Name");
                if (!tables.containsKey(name)) throw new AwsError("EntityNotFoundException", "Database " + name + " not found.");
                out.putObject("Database").put("Name", name);
            }
            case "CreateDatabase" -> {
                String name = text(r.path("DatabaseInput"), "Name");
                if (tables.putIfAbsent(name, new ConcurrentHashMap<>()) != null) {
                    throw new AwsError("AlreadyExistsException", "Database already exists.");
                }
            }
            case "GetTable" -> out.set("Table", existing(text(r, "DatabaseName"), text(r, "Name")));
            case "CreateTable" -> {
                String db = database(text(r, "DatabaseName"));
                ObjectNode t = ((ObjectNode) r.get("TableInput")).deepCopy();
                String name = text(t, "Name");
                if (tables.get(db).containsKey(name)) throw new AwsError("AlreadyExistsException", "Table already exists.");
                t.put("DatabaseName", db);
                tables.get(db).put(name, t);
            }
            case "UpdateTable" -> {
                String db = text(r, "DatabaseName");
                ObjectNode t = ((ObjectNode) r.get("TableInput")).deepCopy();
                existing(db, text(t, "Name"));
                t.put("DatabaseName", db);
                tables.get(db).put(t.get("Name").asText(), t);
            }
            case "BatchCreatePartition" -> {
                String db = text(r, "DatabaseName");
                String table = text(r, "TableName");
                existing(db, table);
                ArrayNode errors = out.putArray("Errors");
                for (JsonNode p : r.path("PartitionInputList")) {
                    String value = p.path("Values").get(0).asText();
                    Map<String, ObjectNode> ps = partitions.computeIfAbsent(db + "." + table, k -> new ConcurrentHashMap<>());
                    if (ps.containsKey(value)) {
                        ObjectNode e = errors.addObject();
                        e.set("PartitionValues", p.path("Values"));
                        e.putObject("ErrorDetail").put("ErrorCode", "AlreadyExistsException")
                                .put("ErrorMessage", "Partition already exists.");
                    } else {
                        ObjectNode stored = ((ObjectNode) p).deepCopy();
                        stored.put("DatabaseName", db).put("TableName", table);
                        ps.put(value, stored);
                    }
                }
            }
            case "GetPartitions" -> {
                String db = text(r, "DatabaseName");
                String table = text(r, "TableName");
                existing(db, table);
                List<ObjectNode> all = new ArrayList<>(partitions.getOrDefault(db + "." + table, Map.of()).values());
                all.sort((a, b) -> a.path("Values").get(0).asText().compareTo(b.path("Values").get(0).asText()));
                int from = r.hasNonNull("NextToken") ? Integer.parseInt(r.get("NextToken").asText()) : 0;
                int max = r.hasNonNull("MaxResults") ? r.get("MaxResults").asInt() : 2; // small pages: paging is exercised
                ArrayNode ps = out.putArray("Partitions");
                for (int i = from; i < Math.min(all.size(), from + max); i++) ps.add(all.get(i));
                if (from + max < all.size()) out.put("NextToken", Integer.toString(from + max));
            }
            case "StartCrawler" -> {
                Crawler c = crawlerOrNotFound(text(r, "Name"));
                if (!c.state.equals("READY")) throw new AwsError("CrawlerRunningException", "Crawler with name " + c.name + " has already started");
                c.starts.incrementAndGet();
                c.state = "RUNNING";
                c.polls = 0;
            }
            case "GetCrawler" -> {
                Crawler c = crawlerOrNotFound(text(r, "Name"));
                advance(c);
                ObjectNode n = out.putObject("Crawler").put("Name", c.name).put("State", c.state).put("DatabaseName", c.database);
                n.putObject("Targets").putArray("S3Targets").addObject().put("Path", c.target);
                if (c.lastStatus != null) {
                    ObjectNode last = n.putObject("LastCrawl").put("Status", c.lastStatus);
                    if (c.lastError != null) last.put("ErrorMessage", c.lastError);
                }
            }
            default -> throw new AwsError("UnknownOperationException", "FakeGlue does not implement " + op);
        }
        return out;
    }

    private void advance(Crawler c) {
        switch (c.state) {
            case "RUNNING" -> {
                if (!c.hold && ++c.polls >= c.runningPolls) c.state = "STOPPING";
            }
            case "STOPPING" -> {
                c.lastStatus = c.result;
                c.lastError = c.error;
                if (c.result.equals("SUCCEEDED")) crawl(c);
                c.state = "READY";
            }
            default -> {
            }
        }
    }

    /** Registers every table folder under the crawler's target, with its partitions, like a crawler. */
    private void crawl(Crawler c) {
        Path dir = local(c.target);
        if (!Files.isDirectory(dir)) return;
        Map<String, ObjectNode> db = tables.computeIfAbsent(c.database, k -> new ConcurrentHashMap<>());
        for (Path tableDir : list(dir)) {
            if (!Files.isDirectory(tableDir) || tableDir.getFileName().toString().startsWith("_")) continue;
            String name = tableDir.getFileName().toString();
            String location = c.target + (c.target.endsWith("/") ? "" : "/") + name + "/";
            Map<String, String> columns = new LinkedHashMap<>();
            ObjectNode existing = db.get(name);
            if (existing != null) existing.path("StorageDescriptor").path("Columns")
                    .forEach(col -> columns.put(col.path("Name").asText(), col.path("Type").asText()));
            List<String> values = new ArrayList<>();
            for (Path part : list(tableDir)) {
                String folder = part.getFileName().toString();
                if (!folder.startsWith("ingest_date=")) continue;
                List<Path> files = list(part).stream().filter(p -> p.toString().endsWith(".parquet")).toList();
                if (files.isEmpty()) continue;
                values.add(folder.substring("ingest_date=".length()));
                for (Path f : files) {
                    try {
                        FooterSchema.glueColumns(FileObjectStore.at(part), f.getFileName().toString(), Files.size(f))
                                .forEach(columns::putIfAbsent);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
            ObjectNode t = JSON.createObjectNode().put("Name", name).put("DatabaseName", c.database)
                    .put("TableType", "EXTERNAL_TABLE");
            t.putObject("Parameters").put("classification", "parquet");
            ObjectNode sd = t.putObject("StorageDescriptor").put("Location", location);
            ArrayNode cols = sd.putArray("Columns");
            columns.forEach((n, type) -> cols.addObject().put("Name", n).put("Type", type));
            t.putArray("PartitionKeys").addObject().put("Name", "ingest_date").put("Type", "string");
            db.put(name, t);
            Map<String, ObjectNode> ps = partitions.computeIfAbsent(c.database + "." + name, k -> new ConcurrentHashMap<>());
            for (String v : values) {
                ObjectNode p = JSON.createObjectNode().put("DatabaseName", c.database).put("TableName", name);
                p.putArray("Values").add(v);
                p.putObject("StorageDescriptor").put("Location", location + "ingest_date=" + v + "/");
                ps.putIfAbsent(v, p);
            }
        }
    }

    /** The s3proxy file or folder of an {@code s3://bucket/key} location. */
    public Path local(String s3Location) {
        if (!s3Location.startsWith("s3://")) throw new IllegalArgumentException("not an S3 location: " + s3Location);
        return s3Dir.resolve(s3Location.substring("s3://".length()));
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private String database(String name) {
        if (!tables.containsKey(name)) throw new AwsError("EntityNotFoundException", "Database " + name + " not found.");
        return name;
    }

    private ObjectNode existing(String db, String name) {
        ObjectNode t = tables.getOrDefault(database(db), Map.of()).get(name);
        if (t == null) throw new AwsError("EntityNotFoundException", "Table " + name + " not found.");
        return t;
    }

    private Crawler crawler(String name) {
        Crawler c = crawlers.get(name);
        if (c == null) throw new IllegalArgumentException("no crawler " + name);
        return c;
    }

    private Crawler crawlerOrNotFound(String name) {
        Crawler c = crawlers.get(name);
        if (c == null) throw new AwsError("EntityNotFoundException", "Crawler with name " + name + " does not exist");
        return c;
    }
}
