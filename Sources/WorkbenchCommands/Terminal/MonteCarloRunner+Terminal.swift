import MonteCarlo

extension MonteCarloRunner {
    /// Runs every draw with a progress bar on stderr; Ctrl-C cancels the run (nothing partial is
    /// returned, so nothing partial is written). Every simulating command goes through here.
    /// With `work`, the per-draw values are kept as column files there (bounded memory).
    func runInTerminal(label: String = "simulating", work: WorkFolder? = nil) async throws -> DrawTable {
        let progress = ProgressBar(total: settings.drawRange.count, label: label)
        let table = try await Interrupt.cancellingOnSIGINT {
            try await run(columnsIn: work?.path) { progress.update($0) }
        }
        progress.finish()
        return table
    }
}
