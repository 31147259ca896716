import java.nio.file.Path;
import java.time.Instant;
import java.util.*;
import jdk.jfr.consumer.*;

/** Compiles.java FILE.jfr OPENING_EPOCH_S [FROM_S=-2] [TO_S=3] [BUCKET_MS=250]: JIT compilations around the opening. */
public class Compiles {
    public static void main(String[] a) throws Exception {
        double opening = Double.parseDouble(a[1]);
        double from = a.length > 2 ? Double.parseDouble(a[2]) : -2, to = a.length > 3 ? Double.parseDouble(a[3]) : 3;
        int bucket = a.length > 4 ? Integer.parseInt(a[4]) : 250;
        TreeMap<Integer, double[]> buckets = new TreeMap<>();
        Map<String, double[]> byPackage = new HashMap<>();
        List<String[]> top = new ArrayList<>();
        for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(a[0]))) {
            if (!e.getEventType().getName().equals("jdk.Compilation")) continue;
            Instant s = e.getStartTime();
            double t = s.getEpochSecond() + s.getNano() / 1e9 - opening;
            if (t < from || t > to) continue;
            double ms = e.getDuration().toNanos() / 1e6;
            int level = e.getInt("compileLevel");
            int b = (int) Math.floor(t * 1000 / bucket);
            double[] v = buckets.computeIfAbsent(b, k -> new double[4]);
            v[level == 4 ? 0 : 1] += 1; v[level == 4 ? 2 : 3] += ms;
            RecordedMethod m = e.getValue("method");
            String type = m.getType().getName();
            String pkg = String.join(".", Arrays.copyOf(type.split("\\."), Math.min(3, type.split("\\.").length)));
            if (t >= 0) {
                double[] p = byPackage.computeIfAbsent(pkg + " c" + (level == 4 ? 2 : 1), k -> new double[2]);
                p[0]++; p[1] += ms;
                top.add(new String[] {String.format("%8.1f", ms), String.format("%+6.3f", t), "L" + level, type + "::" + m.getName(), String.valueOf(e.getBoolean("isOsr"))});
            }
        }
        System.out.println("bucket(ms)   c2 n / ms     c1-3 n / ms");
        buckets.forEach((b, v) -> System.out.printf("%+6d  %5.0f / %7.1f   %5.0f / %7.1f%n", b * bucket, v[0], v[2], v[1], v[3]));
        System.out.println("\nfrom the opening to +" + to + " s, by package (n, ms):");
        byPackage.entrySet().stream().sorted((x, y) -> Double.compare(y.getValue()[1], x.getValue()[1])).limit(25)
                .forEach(en -> System.out.printf("%7.1f ms %4.0f  %s%n", en.getValue()[1], en.getValue()[0], en.getKey()));
        System.out.println("\nlongest:");
        top.sort((x, y) -> Double.compare(Double.parseDouble(y[0]), Double.parseDouble(x[0])));
        top.stream().limit(30).forEach(r -> System.out.println(String.join("  ", r)));
    }
}
