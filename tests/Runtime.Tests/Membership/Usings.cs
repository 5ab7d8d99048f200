global using ParkingGrains.Runtime.Tests.Infrastructure;
