Network mobilenet {
Layer dw1 {
Type: DSCONV
Dimensions { K: 1, C: 32, Y: 112, X: 112, R: 3, S: 3 }
Dataflow {
SpatialMap(4,4) C; // comment
TemporalMap(10,10) Y'; TemporalMap(10,10) X'; TemporalMap(3,3) R; TemporalMap(3,3) S;
Cluster(4,P);
SpatialMap(1,1) C; TemporalMap(5,5) Y'; TemporalMap(5,5) X'; TemporalMap(3,3) R; TemporalMap(3,3) S;
Cluster(2,P);
SpatialMap(1,1) Y'; TemporalMap(1,1) C; TemporalMap(1,1) X'; TemporalMap(1,1) R; TemporalMap(1,1) S;
}
}
Layer pw1 {
Type: CONV
Dimensions {K:64,C:32,Y:112,X:112,R:1,S:1}
Dataflow {
TemporalMap(16,16) K; SpatialMap(8,8) C; TemporalMap(7,7) Y'; TemporalMap(7,7) X'; TemporalMap(1,1) R; TemporalMap(1,1) S;
}
}
}
