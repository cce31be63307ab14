import SimulationEngine

/// Count noise that also records each cohort's demand for the probed services and applies the
/// probe's demand scaling: the engine's ``DemandNoise`` hook is the one place where per-cohort
/// demand passes through, so the simulator itself is untouched.
struct ProbingNoise<Base: DemandNoise>: DemandNoise {
    let base: Base
    let recorder: ProbeRecorder

    func demand(mean: Double, cohort: Int, service: Int, year: Int) -> Double {
        var d = base.demand(mean: mean, cohort: cohort, service: service, year: year)
        if let scale = recorder.scale { d *= scale[service * recorder.cohorts + cohort] }
        let slot = recorder.slot[service]
        if slot >= 0 { recorder.cohortDemand[(slot * recorder.cohorts + cohort) * recorder.horizon + year] = d }
        return d
    }
}
