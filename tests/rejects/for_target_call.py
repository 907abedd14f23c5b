for f() in []:
    pass
