// Example 9 of the MAESTRO spec: the Y' tile 6 exceeds Y' = 4.
Network 0 {
Layer CONV {
Type: CONV
Dimensions { K: 4, C: 4, Y: 6, X: 6, R: 3, S: 3 }
Dataflow {
SpatialMap(1,1) K;
TemporalMap(4,4) C;
TemporalMap(6,6) Y';
TemporalMap(4,4) X';
TemporalMap(3,3) R;
TemporalMap(3,3) S;
Cluster(4,P);
SpatialMap(1,1) C;
TemporalMap(1,1) K;
TemporalMap(4,4) Y';
TemporalMap(4,4) X';
TemporalMap(3,3) R;
TemporalMap(3,3) S;
}
}
}
