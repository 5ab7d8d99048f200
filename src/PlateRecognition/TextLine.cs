namespace ParkingGrains.PlateRecognition;

/// <summary>A text line found by the detector: a rotated rectangle in frame pixels (angle in degrees, clockwise).</summary>
internal readonly record struct TextLine(float CenterX, float CenterY, float Length, float Thickness, float Angle, float Score)
{
    public PlateBox Bounds()
    {
        var radians = Angle * MathF.PI / 180;
        var (cos, sin) = (MathF.Abs(MathF.Cos(radians)), MathF.Abs(MathF.Sin(radians)));
        var width = (Length * cos) + (Thickness * sin);
        var height = (Length * sin) + (Thickness * cos);
        return new PlateBox((int)(CenterX - (width / 2)), (int)(CenterY - (height / 2)), (int)MathF.Ceiling(width), (int)MathF.Ceiling(height));
    }
}
