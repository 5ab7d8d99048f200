namespace ParkingGrains.PlateRecognition;

/// <summary>What the recogniser read on one line, with the probability of each character it kept.</summary>
internal sealed record RecognizedText(string Text, float[] Probabilities)
{
    /// <summary>Mean probability of the letters and digits (separators say little about the plate).</summary>
    public double Confidence
    {
        get
        {
            var (sum, count) = (0.0, 0);
            for (var i = 0; i < Text.Length; i++)
            {
                if (char.IsLetterOrDigit(Text[i]))
                {
                    sum += Probabilities[i];
                    count++;
                }
            }

            return count == 0 ? 0 : sum / count;
        }
    }
}
