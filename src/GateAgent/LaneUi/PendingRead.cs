using ParkingGrains.GateAgent.Devices;
using ParkingGrains.PlateRecognition;

namespace ParkingGrains.GateAgent.LaneUi;

/// <summary>A plate read the lane would not act on by itself, waiting for an operator: the frame it came from and the read.</summary>
public sealed record PendingRead(long Id, CameraFrame Frame, PlateRead Read);
