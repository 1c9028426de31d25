"""The camera: photos recorded into a class, and the model's answers live."""
