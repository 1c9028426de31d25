"""Using a model: the model file and what it says about itself, the library of models, predictions and how
sure they are, evaluation, exports for other programs, heatmaps, the training report and its charts."""
