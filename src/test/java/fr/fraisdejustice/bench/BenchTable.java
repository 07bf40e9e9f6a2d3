package fr.fraisdejustice.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * The one table {@code mvn -Pbench verify} prints: each benchmark records its figures with the baseline it measured in
 * the same run, and the table is printed (and written to {@code target/bench/table.tsv}) when the test run ends.
 */
public final class BenchTable implements LauncherSessionListener {

    /** One line: a figure, its baseline measured in the same run, and the goal on their ratio (e.g. "≥ 60 %", "≥ 3×"). */
    public record Row(String figure, double value, String unit, String baseline, double baselineValue, String goal,
                      boolean met) {

        double ratio() {
            return baselineValue == 0 ? Double.NaN : value / baselineValue;
        }
    }

    private static final List<Row> ROWS = new ArrayList<>();
    private static final Path FILE = Path.of("target", "bench", "table.tsv");

    /** Records a figure against its baseline; {@code met} says whether the goal is reached (the caller knows its sense). */
    public static synchronized void record(String figure, double value, String unit, String baseline,
                                           double baselineValue, String goal, boolean met) {
        Row row = new Row(figure, value, unit, baseline, baselineValue, goal, met);
        ROWS.add(row);
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, tsv(row) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A figure with no baseline (printed for information, no goal). */
    public static void record(String figure, double value, String unit) {
        record(figure, value, unit, "", 0, "", true);
    }

    /** A new run starts a new file: without this, the rows of every earlier run piled up in it. */
    @Override
    public void launcherSessionOpened(LauncherSession session) {
        try {
            Files.deleteIfExists(FILE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        List<Row> rows;
        synchronized (BenchTable.class) {
            rows = List.copyOf(ROWS);
        }
        if (!rows.isEmpty()) {
            System.out.println(print(rows));
        }
    }

    static String print(List<Row> rows) {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%n%-58s %14s  %-40s %14s %8s  %-10s %s%n",
                "figure", "value", "baseline (same run)", "value", "ratio", "goal", "met"));
        for (Row row : rows) {
            table.append(String.format(Locale.ROOT, "%-58s %14s  %-40s %14s %8s  %-10s %s%n", row.figure(),
                    figure(row.value(), row.unit()), row.baseline(),
                    row.baseline().isEmpty() ? "" : figure(row.baselineValue(), row.unit()),
                    row.baseline().isEmpty() ? "" : String.format(Locale.ROOT, "%.2f", row.ratio()), row.goal(),
                    row.goal().isEmpty() ? "" : row.met() ? "yes" : "NO"));
        }
        return table.toString();
    }

    private static String figure(double value, String unit) {
        return String.format(Locale.ROOT, "%.1f %s", value, unit);
    }

    private static String tsv(Row row) {
        return String.join("\t", row.figure(), String.valueOf(row.value()), row.unit(), row.baseline(),
                String.valueOf(row.baselineValue()), String.valueOf(row.ratio()), row.goal(), String.valueOf(row.met()));
    }
}
