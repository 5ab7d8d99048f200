using ParkingGrains.Grains.Interfaces;
using ParkingGrains.Grains.Interfaces.Layout;
using ParkingGrains.Domain.Layout;
using static ParkingGrains.Domain.Tests.Layout.TestLayouts;

namespace ParkingGrains.Domain.Tests.Layout;

public sealed class LayoutCsvTests
{
    [Fact]
    public void Export_writes_the_documented_format()
    {
        var csv = LayoutCsv.ExportSlots(Valid(Slot("s1", VehicleClass.Van, 12.5, 40, ev: true)));

        Assert.Equal("slotId,floorId,number,size,ev,accessible,distances\r\ns1,F0,s1,van,true,false,in:12.5;out:40\r\n", csv);
    }

    [Fact]
    public void Slots_round_trip_including_values_that_need_quoting()
    {
        var tricky = new SlotDefinition("s,1", "F0", "He said \"A\", then left", VehicleClass.Bus, true, true,
            new Dictionary<string, double> { ["in"] = 0.1 + 0.2, ["out"] = 1e-3 });
        var layout = Valid(tricky, Slot(" s2 ".Trim(), VehicleClass.Motorcycle, 3, 4, "F1", accessible: true));

        var csv = LayoutCsv.ExportSlots(layout);
        var result = LayoutCsv.ImportSlots(layout with { Slots = [] }, csv);

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Contains("\"s,1\"", csv, StringComparison.Ordinal);
        // Line breaks are not allowed in a slot number (TextRules); quotes and commas are, and need quoting.
        Assert.Contains("\"He said \"\"A\"\", then left\"", csv, StringComparison.Ordinal);
        Assert.Equal(LayoutJson.Export(layout), LayoutJson.Export(result.Layout!));
    }

    [Fact]
    public void Columns_may_come_in_any_order_and_case_with_lf_line_ends()
    {
        const string csv = "Size,SlotId,FloorId,Number,EV,Accessible,Distances\nmotorcycle,m1,F0,1,0,0,in:1;out:2;\n\n";

        var result = LayoutCsv.ImportSlots(Valid(), csv);

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        var slot = Assert.Single(result.Layout!.Slots);
        Assert.Equal(("m1", VehicleClass.Motorcycle, 2.0), (slot.SlotId, slot.Size, slot.GateDistances["out"]));
    }

    [Fact]
    public void Every_row_problem_is_reported_with_its_line_and_nothing_is_applied()
    {
        var csv = string.Join("\n",
            "slotId,floorId,number,size,ev,accessible,distances",
            "a,F0,1,car,false,false,in:1;out:2",          // line 2: fine
            "b,F0,2,car,false",                            // line 3: too few columns
            "c,F0,3,plane,false,false,in:1;out:2",         // line 4: unknown size
            "d,F0,4,,false,false,in:1;out:2",              // line 5: missing size
            "e,F0,5,car,maybe,false,in:x;out",             // line 6: bad flag, bad distances
            "a,F9,6,car,false,false,in:-1;out:2;side:3",   // line 7: duplicate id, unknown floor, negative, unknown gate
            "f,F0,7,car,false,false,in:1",                 // line 8: missing distance to out
            "\"g\"x,F0,8,car,false,false,in:1;out:2",      // line 9: text after a closing quote
            "h,F0,9,car,false,false,in:1;out:2,extra",     // line 10: too many columns
            "\"i,F0,10,car,false,false,in:1;out:2");       // line 11: unterminated quote

        var result = LayoutCsv.ImportSlots(Valid(), csv);

        Assert.Null(result.Layout);
        var found = result.Problems.Select(p => (p.Location, p.Code)).ToList();
        Assert.Equal(
            new[]
            {
                ("line 3", LayoutProblemCodes.CsvColumnCount),
                ("line 4, column size", LayoutProblemCodes.UnknownSize),
                ("line 5, column size", LayoutProblemCodes.MissingSize),
                ("line 6, column ev", LayoutProblemCodes.CsvInvalidValue),
                ("line 6, column distances", LayoutProblemCodes.CsvInvalidValue),
                ("line 6, column distances", LayoutProblemCodes.CsvInvalidValue),
                ("line 9", LayoutProblemCodes.CsvMalformedQuote),
                ("line 10", LayoutProblemCodes.CsvColumnCount),
                ("line 11", LayoutProblemCodes.CsvMalformedQuote),
                ("line 7, column slotId", LayoutProblemCodes.DuplicateSlotId),
                ("line 7, column floorId", LayoutProblemCodes.UnknownFloor),
                ("line 7, column distances (in)", LayoutProblemCodes.NegativeDistance),
                ("line 7, column distances (side)", LayoutProblemCodes.UnknownGate),
                ("line 8, column distances", LayoutProblemCodes.MissingGateDistance),
            },
            found);
    }

    [Theory]
    [InlineData("", LayoutProblemCodes.CsvMissingHeader)]
    [InlineData("slotId,floorId,number,size,ev,accessible\r\n", LayoutProblemCodes.CsvMissingColumn)]
    [InlineData("slotId,floorId,number,size,ev,accessible,distances,colour\r\n", LayoutProblemCodes.CsvUnknownColumn)]
    [InlineData("slotId,slotId,floorId,number,size,ev,accessible,distances\r\n", LayoutProblemCodes.CsvDuplicateColumn)]
    public void A_bad_header_is_reported(string csv, string code)
    {
        var result = LayoutCsv.ImportSlots(Valid(), csv);

        Assert.Contains(result.Problems, p => p.Code == code);
        Assert.Null(result.Layout);
    }

    [Fact]
    public void Reader_handles_quotes_embedded_line_breaks_and_counts_lines()
    {
        var records = Csv.Read("a,\"b,c\",\"d\"\"e\"\r\n\"multi\r\nline\",x\n\"\",\n\nlast");

        Assert.Equal(4, records.Count);
        Assert.Equal(["a", "b,c", "d\"e"], records[0].Fields);
        Assert.Equal(["multi\r\nline", "x"], records[1].Fields);
        Assert.Equal(["", ""], records[2].Fields);
        Assert.Equal(["last"], records[3].Fields);
        Assert.Equal([1, 2, 4, 6], records.Select(r => r.Line));
        Assert.All(records, r => Assert.Null(r.Error));
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData(" padded", "\" padded\"")]
    [InlineData("", "")]
    public void Escape_quotes_only_when_needed(string value, string expected) => Assert.Equal(expected, Csv.Escape(value));
}
