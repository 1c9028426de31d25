// FineTune Studio: runs the model in model.js with ONNX Runtime Web (ort.webgl.min.js) on the graphics chip.
// FineTuneModel.classify(photo): photo is a File, Blob, <img>, <canvas> or ImageBitmap. It resolves to
// [{label, probability}, ...], the most likely class first, prepared as the app prepares a photo.
var FineTuneModel = (function () {
  "use strict";
  var session = null;

  function load() {
    if (session === null) {
      var text = atob(MODEL.onnx), bytes = new Uint8Array(text.length);
      for (var i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
      session = ort.InferenceSession.create(bytes, {executionProviders: ["webgl"]});
      session.catch(function () { session = null; });  // a later photo may try again
    }
    return session;
  }

  // The photo's pixels at the model's size, resized as the app resizes them (Pillow: a box average by a whole
  // factor, then its antialiased bilinear filter), not by the browser's own filter: a small network answers
  // differently enough to notice (0.12 on a 96-px model) between the two.
  async function pixels(photo) {
    if (photo instanceof Blob) photo = await createImageBitmap(photo);  // upright, as the camera held it
    else if (photo.decode) await photo.decode();  // an <img> that may still be loading
    var width = photo.naturalWidth || photo.width, height = photo.naturalHeight || photo.height;
    var side = Math.min(width, height), wide = MODEL.crops ? side : width, high = MODEL.crops ? side : height;
    var canvas = document.createElement("canvas");
    canvas.width = wide;
    canvas.height = high;
    var context = canvas.getContext("2d", {willReadFrequently: true});
    // The centred square with the app's integer arithmetic (or, for models made before, the whole photo).
    context.drawImage(photo, MODEL.crops ? Math.floor((width - side) / 2) : 0,
                      MODEL.crops ? Math.floor((height - side) / 2) : 0, wide, high, 0, 0, wide, high);
    var size = MODEL.size, rgb = resize(context.getImageData(0, 0, wide, high).data, wide, high, size);
    return new ort.Tensor("float32", rgb, [1, size, size, 3]);
  }

  function resize(rgba, wide, high, size) {
    var fx = Math.max(1, Math.floor(wide / size / 2)), fy = Math.max(1, Math.floor(high / size / 2));
    var w = Math.ceil(wide / fx), h = Math.ceil(high / fy), reduced = new Float32Array(w * h * 3);
    for (var y = 0; y < h; y++) {
      for (var x = 0; x < w; x++) {
        var r = 0, g = 0, b = 0, count = 0;
        for (var yy = y * fy; yy < Math.min(high, (y + 1) * fy); yy++) {
          for (var xx = x * fx, i = (yy * wide + xx) * 4; xx < Math.min(wide, (x + 1) * fx); xx++, i += 4) {
            r += rgba[i]; g += rgba[i + 1]; b += rgba[i + 2]; count++;
          }
        }
        var o = (y * w + x) * 3;
        reduced[o] = r / count; reduced[o + 1] = g / count; reduced[o + 2] = b / count;
      }
    }
    var across = taps(w, wide / fx, size), down = taps(h, high / fy, size);
    var rows = new Float32Array(h * size * 3), out = new Float32Array(size * size * 3);
    for (var y = 0; y < h; y++) filter(reduced, (y * w) * 3, 3, across, rows, (y * size) * 3, 3);
    for (var x = 0; x < size; x++) filter(rows, x * 3, size * 3, down, out, x * 3, size * 3);
    for (var i = 0; i < out.length; i++) out[i] = Math.min(255, Math.max(0, Math.round(out[i])));
    return out;
  }

  // Pillow's bilinear filter for `length` pixels (`extent` of them in the picture) onto `size`: a triangle
  // widened by the scale when it shrinks, so every pixel counts.
  function taps(length, extent, size) {
    var scale = extent / size, width = Math.max(scale, 1), result = [];
    for (var x = 0; x < size; x++) {
      var centre = (x + 0.5) * scale, first = Math.max(Math.floor(centre - width + 0.5), 0);
      var last = Math.min(Math.floor(centre + width + 0.5), length), weights = [], total = 0;
      for (var k = first; k < last; k++) {
        var d = Math.abs((k - centre + 0.5) / width), v = d < 1 ? 1 - d : 0;
        weights.push(v);
        total += v;
      }
      result.push({first: first, weights: weights.map(function (v) { return v / total; })});
    }
    return result;
  }

  function filter(source, start, step, filterTaps, target, targetStart, targetStep) {
    filterTaps.forEach(function (tap, x) {
      for (var c = 0; c < 3; c++) {
        var sum = 0;
        for (var k = 0; k < tap.weights.length; k++) sum += tap.weights[k] * source[start + (tap.first + k) * step + c];
        target[targetStart + x * targetStep + c] = sum;
      }
    });
  }

  async function classify(photo) {
    var model = await load(), feeds = {};
    feeds[model.inputNames[0]] = await pixels(photo);
    var probabilities = (await model.run(feeds))[model.outputNames[0]].data;
    return MODEL.classes.map(function (label, i) { return {label: label, probability: probabilities[i]}; })
      .sort(function (a, b) { return b.probability - a.probability; });
  }

  return {classify: classify, load: load, classes: MODEL.classes, threshold: MODEL.threshold};
})();
