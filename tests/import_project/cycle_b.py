import cycle_a

saw_a = cycle_a.A
