A = "a"
import cycle_b

b_saw = cycle_b.saw_a
