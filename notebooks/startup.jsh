// rivervalley notebook startup: loaded by `./rivervalley notebook` after jshell's DEFAULT and PRINTING
// startups (so println(...) works). It imports the notebook API and the library's own factories.
import io.github.rivervalley.reports.notebook.*;
import static io.github.rivervalley.reports.notebook.Notebook.*;
import static io.github.rivervalley.reports.notebook.NotebookCharts.*;
import static io.github.rivervalley.reports.notebook.NotebookText.*;
import static io.github.rivervalley.reports.notebook.LossCurves.*;
import io.github.rivervalley.bigram.data.*;
import io.github.rivervalley.bigram.model.*;
import io.github.rivervalley.landscapes.Landscape;
import io.github.rivervalley.landscapes.analytic.*;
import io.github.rivervalley.simulator.engine.Run;
import io.github.rivervalley.simulator.engine.Simulation;
import io.github.rivervalley.simulator.noise.Noises;
import io.github.rivervalley.simulator.optim.Optimizers;
import io.github.rivervalley.simulator.schedule.*;
import io.github.rivervalley.simulator.spec.RecordSpec;
import io.github.rivervalley.simulator.results.TraceColumns;

// help() lists every factory and help("wsd") explains one (Notebook.help).
