namespace ParkingGrains.GateAgent.LaneUi;

/// <summary>
/// A frame and its plate read as the page shows it: <see cref="Id"/> names the image (<c>/api/lane/frame?id=</c> or
/// <c>/api/lane/pending/{id}/frame</c>); <see cref="Box"/> is null when no plate was found.
/// </summary>
public sealed record LaneUiRead(long Id, DateTimeOffset CapturedAt, string Plate, string Display, double Confidence, string Format, bool Confident, LaneUiBox? Box);
