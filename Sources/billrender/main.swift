print("billrender: not yet")
