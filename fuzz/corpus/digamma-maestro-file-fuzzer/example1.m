Network 0 {
Layer CONV {
Type: CONV
Dimensions { K: 16, C: 8, Y: 10, X: 10, R: 3, S: 3 }
Dataflow {
SpatialMap(1,1) K;
TemporalMap(8,8) C;
TemporalMap(8,8) Y';
TemporalMap(8,8) X';
TemporalMap(3,3) R;
TemporalMap(3,3) S;
Cluster(8,P);
SpatialMap(1,1) C;
TemporalMap(1,1) K;
TemporalMap(3,3) R;
TemporalMap(3,3) S;
TemporalMap(8,8) Y';
TemporalMap(8,8) X';
}
}
}
