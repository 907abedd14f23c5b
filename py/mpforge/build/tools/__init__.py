"""SCons tool modules: each `generate(env)` registers builders or methods, nothing else."""
