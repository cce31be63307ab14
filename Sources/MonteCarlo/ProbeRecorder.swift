import SimulationEngine

/// One worker's scratch for a probe: each probed service's demand by cohort and year.
final class ProbeRecorder: @unchecked Sendable {
    let cohorts: Int
    let horizon: Int
    /// Slot of each service among the probed services, or −1.
    let slot: [Int]
    let scale: DoubleBuffer?
    let cohortDemand: DoubleBuffer  // [(slot*C + c)*T + t]

    init(probe: ActivityProbe, layout: ModelLayout) {
        cohorts = layout.cohortCount
        horizon = layout.horizon
        var slot = [Int](repeating: -1, count: layout.serviceCount)
        var next = 0
        for stream in probe.streams where slot[stream.service] < 0 {
            slot[stream.service] = next
            next += 1
        }
        self.slot = slot
        scale = probe.demandScale.map { values in
            let buffer = DoubleBuffer(count: values.count)
            buffer.assign(values)
            return buffer
        }
        cohortDemand = DoubleBuffer(count: next * cohorts * horizon)
    }
}
