import java.nio.file.Path;
import java.time.Instant;
import java.util.*;
import jdk.jfr.consumer.*;

/** ThreadEvents.java FILE.jfr OPENING THREAD_REGEX FROM TO [DEPTH]: every event of matching threads in the span. */
public class ThreadEvents {
    public static void main(String[] a) throws Exception {
        double opening = Double.parseDouble(a[1]);
        String re = a[2]; double from = Double.parseDouble(a[3]), to = Double.parseDouble(a[4]);
        int depth = a.length > 5 ? Integer.parseInt(a[5]) : 4;
        List<String> lines = new ArrayList<>();
        Map<String, Integer> counts = new TreeMap<>();
        for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(a[0]))) {
            RecordedThread th = e.getThread();
            if (e.hasField("sampledThread")) th = e.getThread("sampledThread");
            if (th == null || th.getJavaName() == null || !th.getJavaName().matches(re)) continue;
            Instant s = e.getStartTime();
            double t = s.getEpochSecond() + s.getNano() / 1e9 - opening;
            if (t < from || t > to) continue;
            String name = e.getEventType().getName().replace("jdk.", "");
            counts.merge(name, 1, Integer::sum);
            StringBuilder st = new StringBuilder();
            if (e.getStackTrace() != null) {
                int d = 0;
                for (RecordedFrame f : e.getStackTrace().getFrames()) {
                    if (d++ >= depth) break;
                    st.append(f.getMethod().getType().getName().replaceAll(".*\\.", "")).append("::").append(f.getMethod().getName()).append(" < ");
                }
            }
            lines.add(String.format("%+7.3f %6.1fms %-14s %-22s %s", t, e.getDuration().toNanos() / 1e6, th.getJavaName(), name, st));
        }
        Collections.sort(lines);
        lines.forEach(System.out::println);
        System.out.println(counts);
    }
}
