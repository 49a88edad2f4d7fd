package io.lakefan.parquet;

import io.lakefan.testing.DuckDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Writing needs no Hadoop class at runtime: a class loader without hadoop-common writes a file DuckDB reads. */
class NoHadoopTest {

    /** Entry point run inside the Hadoop-free class loader. */
    public static final class Writer {
        public static void write(String dir) {
            RowSchema schema = RowSchema.of(List.of(
                    new Column("id", "id", "BIGINT", "bigint", false, ColumnKind.INT64, 0, 0, false),
                    new Column("Name", "name", "VARCHAR(10)", "string", true, ColumnKind.STRING, 0, 0, false),
                    new Column("amount", "amount", "DECIMAL(12,2)", "decimal(12,2)", true, ColumnKind.DECIMAL, 12, 2, false)));
            LocalFiles files = new LocalFiles(Path.of(dir));
            ParquetFileWriter w = ParquetFileWriter.open(schema, files.create("x.parquet"), Extract.LINEAGE);
            for (long i = 1; i <= 10; i++) {
                w.write(new Object[] {i, i % 2 == 0 ? null : org.apache.parquet.io.api.Binary.fromString("n" + i),
                        org.apache.parquet.io.api.Binary.fromConstantByteArray(Decimals.fromText(("-" + i + ".25").getBytes(), 12, 2))});
            }
            w.close();
        }
    }

    @Test
    void writer_runsWithoutHadoopOnTheClassPath(@TempDir Path dir) throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.contains("/org/apache/hadoop/")) urls.add(new File(entry).toURI().toURL());
        }
        try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            assertThrows(ClassNotFoundException.class, () -> loader.loadClass("org.apache.hadoop.conf.Configuration"));
            loader.loadClass(Writer.class.getName()).getMethod("write", String.class).invoke(null, dir.toString());
        }
        try (DuckDb duck = DuckDb.open()) {
            String f = dir.resolve("x.parquet").toString();
            assertEquals(10L, duck.count("SELECT count(*) FROM '" + f + "'"));
            assertEquals(5L, duck.count("SELECT count(name) FROM '" + f + "'"));
            assertEquals("-57.50", String.valueOf(duck.value("SELECT CAST(sum(amount) AS VARCHAR) FROM '" + f + "'")));
        }
    }
}
