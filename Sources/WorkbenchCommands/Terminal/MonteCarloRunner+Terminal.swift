import MonteCarlo

extension MonteCarloRunner {
    /// Runs every draw with a progress bar on stderr; Ctrl-C cancels the run (nothing partial is
    /// returned, so nothing partial is written). Every simulating command goes through here.
    func runInTerminal(label: String = "simulating") async throws -> DrawTable {
        let progress = ProgressBar(total: settings.drawRange.count, label: label)
        let table = try await Interrupt.cancellingOnSIGINT {
            try await run { progress.update($0) }
        }
        progress.finish()
        return table
    }
}
