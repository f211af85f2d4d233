createBare({ 'canvas': document.getElementById('canvas') });
