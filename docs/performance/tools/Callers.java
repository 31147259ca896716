import jdk.jfr.consumer.*;
import java.nio.file.*;
import java.util.*;
/** java Callers.java file.jfr t0 span method depth: the caller chains (depth frames above) of samples containing method */
public class Callers {
    public static void main(String[] a) throws Exception {
        double t0 = Double.parseDouble(a[1]), span = Double.parseDouble(a[2]); int depth = Integer.parseInt(a[4]);
        Map<String, Integer> c = new HashMap<>();
        for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(a[0]))) {
            if (!e.getEventType().getName().equals("jdk.ExecutionSample")) continue;
            double t = e.getStartTime().toEpochMilli() / 1000.0;
            if (t < t0 || t >= t0 + span) continue;
            List<RecordedFrame> fs = e.getStackTrace() == null ? List.of() : e.getStackTrace().getFrames();
            for (int i = 0; i < fs.size(); i++) {
                String k = fs.get(i).getMethod().getType().getName() + "." + fs.get(i).getMethod().getName();
                if (k.contains(a[3])) {
                    StringBuilder sb = new StringBuilder();
                    for (int j = i; j < Math.min(fs.size(), i + depth); j++) sb.append(fs.get(j).getMethod().getType().getName().replaceAll(".*\\.", "")).append('.').append(fs.get(j).getMethod().getName()).append(" < ");
                    c.merge(sb.toString(), 1, Integer::sum); break;
                }
            }
        }
        c.entrySet().stream().sorted((x, y) -> y.getValue() - x.getValue()).limit(15).forEach(x -> System.out.println(x.getValue() + " " + x.getKey()));
    }
}
