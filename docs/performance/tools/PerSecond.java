import jdk.jfr.consumer.*;
import java.nio.file.*;
import java.util.*;
/** java PerSecond.java file.jfr t0 span method: samples containing method per second from t0 */
public class PerSecond {
    public static void main(String[] a) throws Exception {
        double t0 = Double.parseDouble(a[1]); int span = Integer.parseInt(a[2]);
        int[] hit = new int[span], all = new int[span];
        for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(a[0]))) {
            if (!e.getEventType().getName().equals("jdk.ExecutionSample")) continue;
            int s = (int) Math.floor(e.getStartTime().toEpochMilli() / 1000.0 - t0);
            if (s < 0 || s >= span) continue;
            all[s]++;
            if (e.getStackTrace() != null) for (var f : e.getStackTrace().getFrames())
                if ((f.getMethod().getType().getName() + "." + f.getMethod().getName()).contains(a[3])) { hit[s]++; break; }
        }
        for (int s = 0; s < span; s++) System.out.printf("%3d %4d/%4d%n", s, hit[s], all[s]);
    }
}
