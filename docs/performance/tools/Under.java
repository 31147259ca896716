import jdk.jfr.consumer.*;
import java.nio.file.*;
import java.util.*;

/** java Under.java file.jfr t0 span marker [top]: inclusive counts of frames called (directly or not) by marker */
public class Under {
    public static void main(String[] a) throws Exception {
        double t0 = Double.parseDouble(a[1]), span = Double.parseDouble(a[2]);
        String marker = a[3]; int top = a.length > 4 ? Integer.parseInt(a[4]) : 40;
        Map<String, Integer> inc = new HashMap<>(); int n = 0, all = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(a[0]))) {
            if (!e.getEventType().getName().equals("jdk.ExecutionSample")) continue;
            double t = e.getStartTime().toEpochMilli() / 1000.0;
            if (t < t0 || t >= t0 + span) continue;
            all++;
            List<RecordedFrame> fs = e.getStackTrace() == null ? List.of() : e.getStackTrace().getFrames();
            int m = -1;
            for (int i = fs.size() - 1; i >= 0; i--) {
                var f = fs.get(i);
                if ((f.getMethod().getType().getName() + "." + f.getMethod().getName()).contains(marker)) { m = i; break; }
            }
            if (m < 0) continue;
            n++;
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < m; i++) {
                var f = fs.get(i);
                String k = f.getMethod().getType().getName() + "." + f.getMethod().getName();
                if (seen.add(k)) inc.merge(k, 1, Integer::sum);
            }
        }
        System.out.printf("%d of %d samples under %s%n", n, all, marker);
        final int nn = n;
        inc.entrySet().stream().sorted((x, y) -> y.getValue() - x.getValue()).limit(top)
            .forEach(x -> System.out.printf("%5d %5.1f%% %s%n", x.getValue(), 100.0 * x.getValue() / nn, x.getKey()));
    }
}
