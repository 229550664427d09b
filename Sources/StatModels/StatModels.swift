// StatModels: Kaplan–Meier, log-rank tests, summaries and trial simulation.
