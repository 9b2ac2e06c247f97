//! Claims the narrative makes in the sentences real reports use (收到…申请…件, 未收到,
//! 行政诉讼…起/件/条, 共…条，其中…), found so that N-rules can hold them against the tables.
