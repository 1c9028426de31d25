"""Networks: the bundled ImageNet networks (MobileNetV2, EfficientNet-Lite), where their weights are, the
features they compute for each photo (cached), and measuring which network suits the user's photos best."""
